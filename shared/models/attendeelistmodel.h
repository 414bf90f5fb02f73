// Who came to one attendee log, in order of arrival, newest last: when, badge and name (a
// placeholder for a badge nobody had). Given a connection and a log it loads
// attendeeLogs.attendees and reads them again when attendeeLogs.changed says the log changed
// elsewhere; an answer to this screen's own addition is put in at once.
#pragma once

#include "client/attendeelogsclient.h"
#include "domain/attendee.h"
#include "models/connectionfeed.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class AttendeeListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ArrivedColumn, BadgeColumn, NameColumn };
    enum Roles {
        UserIdRole = Qt::UserRole + 1, // QString
        PlaceholderRole, // bool
        ArrivedAtRole, // QDateTime (UTC)
    };
    Q_ENUM(Roles)

    explicit AttendeeListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    // The log shown; "" for none (the list empties).
    void setLogId(const QString &logId);
    QString logId() const { return m_logId; }
    void reset(const QJsonArray &attendees);
    // One logged here and answered: in at once, without waiting for the push.
    void append(const Attendee &attendee);
    void removeAttendee(const QUuid &userId);
    const Attendee *attendeeAt(int row) const;

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    ConnectionFeed m_feed;
    std::unique_ptr<AttendeeLogsClient> m_client;
    QString m_logId;
    QList<Attendee> m_attendees;
};

} // namespace Muster
