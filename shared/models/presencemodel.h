// The people of an organisation with their live state. Given a connection it loads
// presence.list (one team's board, everyone's, or a watched organisation's) whenever the
// connection signs in or resyncs, and follows presence.changed, profile.changed and
// states.changed. Both UIs show it, the app through a proxy that adds colour.
#pragma once

#include "client/boardclient.h"
#include "domain/person.h"
#include "models/connectionfeed.h"
#include "models/statelistmodel.h"

#include <QAbstractListModel>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <memory>

namespace Muster {

class PresenceModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString teamId READ teamId WRITE setTeamId NOTIFY teamIdChanged)
    Q_PROPERTY(int onlineCount READ onlineCount NOTIFY onlineCountChanged)
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
public:
    enum Roles {
        UserIdRole = Qt::UserRole + 1, // QString
        DisplayNameRole, // QString
        LoginRole, // QString
        RoleRole, // QString: "volunteer", "admin", …
        StateIdRole, // QString
        StateLabelRole, // QString: label of the person's state ("" when unknown)
        StateColorRole, // QString: "#rrggbb" of the person's state
        SinceRole, // QDateTime (UTC): when the state was set
        OnlineRole, // bool: at least one live connection
        MessageRole, // QString: status text, "" when none
        UntilRole, // QDateTime (UTC): when the state clears itself; invalid when it does not
        HighlightRole, // QString: "#rrggbb" set by a manager, "" when none
        TeamIdRole, // QString: home team
        AvatarRole, // QString: SHA-256 of the uploaded picture, "" for the generated avatar
        ChatsRole, // int: consultant chats in progress ("In chat (2)")
    };
    Q_ENUM(Roles)

    explicit PresenceModel(QObject *parent = nullptr);

    // Feeds the model from this connection from now on (loads at once when it is ready).
    void setConnection(Connection *connection);
    // The board shown: one team's people, or everyone's ("", the admins' view).
    QString teamId() const { return m_teamId; }
    void setTeamId(const QString &teamId);
    // Shows another organisation (a superadmin's organisations.watch, made by the caller first);
    // "" for one's own.
    void setWatchedOrganisation(const QString &organisationId);
    QString watchedOrganisation() const { return m_feed.watchedOrganisation(); }
    void setLoadOnSignIn(bool on) { m_feed.setLoadOnSignIn(on); }
    int onlineCount() const { return m_onlineCount; }
    bool isLoaded() const { return m_loaded; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces everything with a presence.list result.
    void reset(const QJsonObject &snapshot);
    // Replaces the states with a states.changed push; every row's label and colour follow.
    void resetStates(const QJsonArray &states);
    // Applies one presence.changed (or profile.changed) push: the fields it carries change.
    // Returns false for a person the model does not hold.
    bool applyChange(const QJsonObject &change);
    // Follows a push as views of a whole organisation do: states.changed resets the states,
    // presence.changed and profile.changed update their person. Others are ignored.
    void followPush(const QString &method, const QJsonObject &params);

public Q_SLOTS:
    // Reads the board again (a team or organisation chosen, or something may have been missed).
    void reload();

public:
    int rowOf(const QString &userId) const { return m_rowByUser.value(userId, -1); }
    const Person *person(const QString &userId) const;
    StateListModel *states() { return &m_states; }

Q_SIGNALS:
    void teamIdChanged();
    void onlineCountChanged();
    void loadedChanged();
    void loadFailed(const QString &message);

private:
    void reindex();
    void countOnline();
    void onPush(const QString &method, const QJsonObject &params);

    ConnectionFeed m_feed;
    std::unique_ptr<BoardClient> m_client;
    QString m_teamId;
    bool m_loaded = false;
    int m_onlineCount = 0;
    QList<Person> m_people;
    QHash<QString, int> m_rowByUser;
    StateListModel m_states;
};

} // namespace Muster
