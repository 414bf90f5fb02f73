// Shifts of the active event, kept current. By default one person's, newest first: "my entries"
// in the app and on the kiosk's summary, or anyone's for a manager (userId). With ongoingOnly,
// everyone on shift now, oldest first (a manager's "on shift now"). Given a connection it loads
// timeclock.entries (or timeclock.ongoing) and follows timeclock.entryChanged (started, stopped,
// updated by a manager, deleted). A table for the desktop, roles for QML.
#pragma once

#include "client/shiftsclient.h"
#include "client/timeclockclient.h"
#include "domain/timeentry.h"
#include "models/connectionfeed.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class TimeEntryListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(QString userId READ userId WRITE setUserId NOTIFY userIdChanged)
    Q_PROPERTY(bool ongoingOnly READ ongoingOnly WRITE setOngoingOnly NOTIFY ongoingOnlyChanged)
public:
    enum Column {
        PersonColumn,
        TeamColumn,
        StartColumn,
        StopColumn,
        WorkedColumn,
        EarnedColumn,
        DetailsColumn, // where it was clocked, flags, notes
    };
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        TeamIdRole, // QString
        TeamNameRole, // QString
        StartRole, // QDateTime (UTC)
        StopRole, // QDateTime (UTC); invalid while ongoing
        OngoingRole, // bool
        WorkedSecondsRole, // qint64: as the server last counted (an ongoing one up to then)
        EarnedSecondsRole, // qint64: with bonus windows
        SourceRole, // QString: "kiosk", "desktop" or "manager"
        KioskNameRole, // QString: "" unless clocked at a kiosk
        OfflineRole, // bool: replayed by a kiosk that was offline
        AutoStoppedRole, // bool: stopped by the day boundary
        NotesRole, // QString
        UserIdRole, // QString
        UserNameRole, // QString
        BadgeRole, // QString
    };
    Q_ENUM(Roles)

    explicit TimeEntryListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    void setLoadOnSignIn(bool on) { m_feed.setLoadOnSignIn(on); }
    // Whose entries: "" for the person signed in on the connection.
    QString userId() const { return m_userId; }
    void setUserId(const QString &userId);
    bool ongoingOnly() const { return m_ongoingOnly; }
    void setOngoingOnly(bool ongoingOnly);

    void reset(const QJsonArray &entries);
    // Whether the list is what the server said, rather than not asked yet (an empty list
    // means "none" only then).
    bool isLoaded() const { return m_loaded; }
    // Applies a timeclock.entryChanged push about this person.
    void applyChange(const QString &change, const TimeEntry &entry);
    const TimeEntry *entryAt(int row) const;
    int rowOf(const QString &entryId) const;
    // The first shift that [start, stop) would overlap (stop invalid: open-ended), leaving out
    // `except`; nullptr when none. What a refusal for an overlap is about.
    const TimeEntry *overlapping(
        const QDateTime &start, const QDateTime &stop, const QString &except = QString()) const;
    // Seconds worked from `from` until `now`, ongoing shifts counted up to now ("today").
    Q_INVOKABLE qint64 workedBetween(const QDateTime &from, const QDateTime &now) const;

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void userIdChanged();
    void ongoingOnlyChanged();
    void loadFailed(const QString &message);

private:
    QString owner() const;
    int rowOf(const QUuid &id) const;
    void insertInOrder(const TimeEntry &entry);
    void removeRow(int row);

    ConnectionFeed m_feed;
    std::unique_ptr<TimeclockClient> m_client;
    std::unique_ptr<ShiftsClient> m_shifts;
    QString m_userId;
    bool m_ongoingOnly = false;
    bool m_loaded = false; // a load's answer is in (since the last clear)
    QList<TimeEntry> m_entries;
};

} // namespace Muster
