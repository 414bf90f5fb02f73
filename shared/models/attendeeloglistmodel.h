// The attendee logs of the active event one may keep, by name, each with how many came: a
// manager's are all of them, anyone else's those they keep. Given a connection it loads
// attendeeLogs.list and applies attendeeLogs.changed in place (a count moves at once; a log one
// no longer keeps leaves the list).
#pragma once

#include "client/attendeelogsclient.h"
#include "domain/attendeelog.h"
#include "models/connectionfeed.h"

#include <QAbstractListModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class AttendeeLogListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        NameRole, // QString
        AttendeesRole, // int
        GatekeepersRole, // QString: their names, by name
    };
    Q_ENUM(Roles)

    explicit AttendeeLogListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    bool isLoaded() const { return m_loaded; }
    void reset(const QJsonArray &logs);
    // Puts in what the answer to a request of one's own brought, replacing the log with its
    // id; kept over a load under way (ConnectionFeed::keep).
    void upsert(const AttendeeLog &log);
    void removeLog(const QUuid &logId);
    const AttendeeLog *logAt(int row) const;
    int rowOf(const QUuid &logId) const;

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void loadFailed(const QString &message);
    void loadedChanged();

private:
    // What upsert and pushes change: one log in or replaced, or taken out when the caller no
    // longer keeps it.
    void merge(const AttendeeLog &log);
    bool keptByMe(const AttendeeLog &log) const;

    ConnectionFeed m_feed;
    std::unique_ptr<AttendeeLogsClient> m_client;
    QList<AttendeeLog> m_logs;
    bool m_loaded = false;
};

} // namespace Muster
