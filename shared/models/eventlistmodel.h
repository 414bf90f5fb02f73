// The organisation's events, newest first, as events.list and events.changed give them, and
// which of them is active: the one the time clock counts in. Given a connection it loads them
// when the connection signs in or resyncs and follows events.changed.
#pragma once

#include "client/timeclockclient.h"
#include "domain/event.h"
#include "models/connectionfeed.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class EventListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(QString activeEventId READ activeEventId NOTIFY activeEventChanged)
    Q_PROPERTY(QString activeEventName READ activeEventName NOTIFY activeEventChanged)
    Q_PROPERTY(bool hasActiveEvent READ hasActiveEvent NOTIFY activeEventChanged)
public:
    // The desktop's table; QML reads the roles of column 0.
    enum Column { NameColumn, DatesColumn, TimeZoneColumn, DayStartColumn, StatusColumn };
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        NameRole, // QString
        TimeZoneRole, // QString: IANA name
        StartRole, // QDateTime (UTC)
        EndRole, // QDateTime (UTC)
        DayBoundaryHourRole, // int: 0–23, local hour at which forgotten shifts stop
        ArchivedRole, // bool
        ReadOnlyRole, // bool: archived or over
        ActiveRole, // bool
    };
    Q_ENUM(Roles)

    explicit EventListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    void setLoadOnSignIn(bool on) { m_feed.setLoadOnSignIn(on); }

    void reset(const QJsonArray &events);
    // nullptr while no event is active.
    const Event *activeEvent() const;
    QString activeEventId() const;
    QString activeEventName() const;
    bool hasActiveEvent() const { return activeEvent() != nullptr; }
    const Event *eventAt(int row) const;
    int rowOf(const QString &eventId) const;
    // "Active", "Archived", "Over", "Upcoming", "Not active": where an event stands, in words.
    static QString statusText(const Event &event, const QDateTime &now);

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void activeEventChanged();
    void loadFailed(const QString &message);

private:
    ConnectionFeed m_feed;
    std::unique_ptr<TimeclockClient> m_client;
    QList<Event> m_events;
};

} // namespace Muster
