// The organisation's teams as teams.list and teams.changed give them (active first, by name).
// Given a connection it loads them when the connection signs in or resyncs and follows
// teams.changed. Feeds team pickers and the admin screens of the app, and the kiosk's team
// buttons (with offeredOnly: the teams a volunteer may clock in to).
#pragma once

#include "client/boardclient.h"
#include "domain/team.h"
#include "models/connectionfeed.h"

#include <QAbstractListModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class TeamListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool offeredOnly READ offeredOnly WRITE setOfferedOnly NOTIFY offeredOnlyChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        NameRole, // QString
        ArchivedRole, // bool
        MembersRole, // int: people whose home team it is
        HiddenRole, // bool: offered by the time clock to managers only
    };
    Q_ENUM(Roles)

    explicit TeamListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    // See ConnectionFeed::setLoadOnSignIn.
    void setLoadOnSignIn(bool on) { m_feed.setLoadOnSignIn(on); }
    // Only what a volunteer may clock in to: neither archived nor hidden.
    bool offeredOnly() const { return m_offeredOnly; }
    void setOfferedOnly(bool offeredOnly);

    // Replaces the teams with a teams.list result's (or teams.changed push's) "teams".
    void reset(const QJsonArray &teams);
    // The teams as last loaded, before offeredOnly filters them (what a kiosk keeps offline).
    QJsonArray teamsJson() const { return m_json; }
    const Team *teamById(const QString &id) const;
    int rowOf(const QString &id) const;
    QList<Team> activeTeams() const;
    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE QString nameAt(int row) const;

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void offeredOnlyChanged();
    void countChanged();
    void loadFailed(const QString &message);

private:
    void rebuild();

    ConnectionFeed m_feed;
    std::unique_ptr<BoardClient> m_client;
    bool m_offeredOnly = false;
    QJsonArray m_json;
    QList<Team> m_teams;
};

} // namespace Muster
