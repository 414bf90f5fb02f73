// An event's bonus windows, earliest first: what My time reads "the current bonus" from, and what
// the managers' timeline draws. Given a connection it loads bonuses.list and asks again when the
// event's totals were recounted (timeclock.totalsChanged: every bonus change causes one) or the
// events changed (another event may have become the active one).
#pragma once

#include "client/timeclockclient.h"
#include "domain/bonus.h"
#include "models/connectionfeed.h"

#include <QAbstractListModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class BonusListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString eventId READ eventId WRITE setEventId NOTIFY eventIdChanged)
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        StartRole, // QDateTime (UTC)
        EndRole, // QDateTime (UTC)
        MultiplierRole, // double
        TeamIdsRole, // QStringList
    };
    Q_ENUM(Roles)

    explicit BonusListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    // Which event: "" for the active one.
    QString eventId() const { return m_eventId; }
    void setEventId(const QString &eventId);

    void reset(const QJsonArray &bonuses);
    const Bonus *bonusAt(int row) const;
    // How many times an hour of this team's counts at `at`: the highest window covering it, 1
    // outside every window.
    Q_INVOKABLE double multiplierAt(const QString &teamId, const QDateTime &at) const;
    // What a shift of this team from start to stop earns, in seconds: its length plus
    // (multiplier − 1) × the part of it inside each window (as the server counts it), so an
    // ongoing shift's earned time can run on between the server's counts.
    qint64 earnedSeconds(
        const QString &teamId, const QDateTime &start, const QDateTime &stop) const;

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void eventIdChanged();
    void loadFailed(const QString &message);

private:
    ConnectionFeed m_feed;
    std::unique_ptr<TimeclockClient> m_client;
    QString m_eventId;
    QList<Bonus> m_bonuses;
};

} // namespace Muster
