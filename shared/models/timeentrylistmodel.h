// One person's shifts in the active event, newest first: "my entries" in the app and on the
// kiosk's summary. Given a connection it loads timeclock.entries and follows
// timeclock.entryChanged for that person (started, stopped, updated by a manager, deleted).
#pragma once

#include "client/timeclockclient.h"
#include "domain/timeentry.h"
#include "models/connectionfeed.h"

#include <QAbstractListModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class TimeEntryListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString userId READ userId WRITE setUserId NOTIFY userIdChanged)
public:
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
    };
    Q_ENUM(Roles)

    explicit TimeEntryListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    void setLoadOnSignIn(bool on) { m_feed.setLoadOnSignIn(on); }
    // Whose entries: "" for the person signed in on the connection.
    QString userId() const { return m_userId; }
    void setUserId(const QString &userId);

    void reset(const QJsonArray &entries);
    // Applies a timeclock.entryChanged push about this person.
    void applyChange(const QString &change, const TimeEntry &entry);
    const TimeEntry *entryAt(int row) const;
    // Seconds worked from `from` until `now`, ongoing shifts counted up to now ("today").
    Q_INVOKABLE qint64 workedBetween(const QDateTime &from, const QDateTime &now) const;

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void userIdChanged();
    void loadFailed(const QString &message);

private:
    QString owner() const;
    int rowOf(const QUuid &id) const;

    ConnectionFeed m_feed;
    std::unique_ptr<TimeclockClient> m_client;
    QString m_userId;
    QList<TimeEntry> m_entries;
};

} // namespace Muster
