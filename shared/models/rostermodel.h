// The organisation's people as the Volunteers screen lists them: badge, name, role, team, time
// worked and earned in the active event, and who is on shift now. Given a connection it loads
// users.list and keeps it current without reading thousands of rows again for one change: a
// profile.changed updates that person; a clock-in marks them on shift at once; any other change
// of someone's shifts asks for that person's totals (gathered for a moment, so a burst of
// clock-outs costs one request per person); bonus windows or events changing read the whole
// roster again. A table for the desktop, roles for QML.
#pragma once

#include "client/adminclient.h"
#include "client/timeclockclient.h"
#include "domain/rosterentry.h"
#include "models/connectionfeed.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

namespace Muster {

class TeamListModel;

class RosterModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(int onShiftCount READ onShiftCount NOTIFY onShiftCountChanged)
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
public:
    enum Column {
        BadgeColumn,
        NameColumn,
        RoleColumn,
        TeamColumn,
        WorkedColumn,
        EarnedColumn,
        OnShiftColumn,
    };
    enum Roles {
        UserIdRole = Qt::UserRole + 1, // QString
        LoginRole, // QString
        DisplayNameRole, // QString
        RoleNameRole, // QString: "volunteer", …
        TeamIdRole, // QString
        BadgeRole, // QString
        WorkedSecondsRole, // qint64: finished shifts of the event
        EarnedSecondsRole, // qint64
        EntriesRole, // int
        ShiftStartRole, // QDateTime (UTC); invalid when not on shift
        SortRole, // what the column sorts by: numbers as numbers, text without case
    };
    Q_ENUM(Roles)

    explicit RosterModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    // Where team names come from (the screen's own team list); nullptr shows none.
    void setTeams(TeamListModel *teams);
    bool isLoaded() const { return m_loaded; }
    int onShiftCount() const { return m_onShift; }

    void reset(const QJsonArray &people);
    // Puts in what the answer to a request of one's own brought, replacing the person with its
    // id; kept over a load under way (ConnectionFeed::keep).
    void upsert(const RosterEntry &entry);
    const RosterEntry *entryAt(int row) const;
    const RosterEntry *entry(const QString &userId) const;
    int rowOf(const QString &userId) const;

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void loadFailed(const QString &message);
    void loadedChanged();
    void onShiftCountChanged();

private:
    // What upsert and pushes change: one person in, or replaced.
    void merge(const RosterEntry &entry);
    void onPush(const QString &method, const QJsonObject &params);
    void applyProfile(const QJsonObject &change);
    void applyEntry(const QString &change, const QJsonObject &entry);
    void refreshTotals(); // the people whose totals were asked for
    void changed(int row);
    void countOnShift();
    QString teamName(const QUuid &teamId) const;

    ConnectionFeed m_feed;
    std::unique_ptr<AdminClient> m_admin;
    std::unique_ptr<TimeclockClient> m_timeclock;
    QPointer<TeamListModel> m_teams;
    QList<RosterEntry> m_people;
    QHash<QUuid, int> m_rowById;
    QSet<QUuid> m_totalsWanted;
    QTimer m_totalsTimer;
    bool m_loaded = false;
    int m_onShift = 0;
};

} // namespace Muster
