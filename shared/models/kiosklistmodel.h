// The organisation's kiosks as its leads see them: live ones first, by name, then the expired
// and revoked, each with where it stands. Given a connection it loads kiosks.list and applies
// kiosks.changed in place, so two leads side by side see each other's approvals at once. A table
// for the desktop (a column per field) and roles for QML.
#pragma once

#include "client/kioskfleetclient.h"
#include "domain/kiosk.h"
#include "models/connectionfeed.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class KioskListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, LocationColumn, StatusColumn, LastSeenColumn, ExpiresColumn };
    enum class Status { Live, Expiring, Expired, Revoked };
    Q_ENUM(Status)
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        NameRole, // QString
        LocationRole, // QString
        StatusRole, // Status (as int)
        LastSeenRole, // QDateTime, invalid before it first connected
        ExpiresAtRole, // QDateTime
        ApprovedByRole, // QString
        CreatedAtRole, // QDateTime
    };
    Q_ENUM(Roles)

    explicit KioskListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    bool isLoaded() const { return m_loaded; }
    void reset(const QJsonArray &kiosks);
    // Puts in what the answer to a request of one's own brought, replacing the kiosk with its
    // id; kept over a load under way (ConnectionFeed::keep).
    void upsert(const Kiosk &kiosk);
    const Kiosk *kioskAt(int row) const;
    int rowOf(const QString &kioskId) const;
    // Within a day of expiring counts as expiring: a lead should renew it before the doors open.
    static Status statusOf(const Kiosk &kiosk, const QDateTime &now);

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void loadFailed(const QString &message);
    void loadedChanged();

private:
    // What upsert and pushes change: one kiosk in, or replaced.
    void merge(const Kiosk &kiosk);
    void sortKiosks();

    ConnectionFeed m_feed;
    std::unique_ptr<KioskFleetClient> m_client;
    QList<Kiosk> m_kiosks;
    bool m_loaded = false;
};

} // namespace Muster
