// A person's notices (a reward to collect, a shift the day boundary stopped), those still
// waiting for acknowledgement first, then newest first, as notifications.list orders them. Given
// a connection it loads them and follows notifications.added; acknowledge() tells the server.
// Both UIs show a waiting notice before anything else.
#pragma once

#include "client/timeclockclient.h"
#include "domain/notification.h"
#include "models/connectionfeed.h"

#include <QAbstractListModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class NotificationListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY waitingChanged)
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        KindRole, // QString: "reward", "reward_claimed", "auto_stop"
        TitleRole, // QString
        BodyRole, // QString
        DataRole, // QVariantMap: what the notice is about (rewardId, entryId, …)
        RequiresAckRole, // bool
        AcknowledgedRole, // bool
        WaitingRole, // bool: requires acknowledgement and has none yet
        CreatedAtRole, // QDateTime (UTC)
    };
    Q_ENUM(Roles)

    explicit NotificationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    void setLoadOnSignIn(bool on) { m_feed.setLoadOnSignIn(on); }
    // Whose notices (a manager's view of someone); empty, the default: one's own.
    QString userId() const { return m_userId; }
    void setUserId(const QString &userId) { m_userId = userId; }

    void reset(const QJsonArray &notifications);
    // Puts in what the answer to a request of one's own brought, replacing the notification with
    // its id; kept over a load under way (ConnectionFeed::keep).
    void upsert(const Notification &notification);
    // Notices that must be acknowledged before anything else is done.
    int waitingCount() const;
    // The first of them, for a screen that shows one at a time; an empty map when none waits.
    Q_INVOKABLE QVariantMap firstWaiting() const;
    const Notification *notificationAt(int row) const;

    // notifications.acknowledge; the row follows the answer.
    Q_INVOKABLE Muster::RpcReply *acknowledge(const QString &notificationId);

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void waitingChanged();
    void loadFailed(const QString &message);

private:
    // What upsert and pushes change: one notification in, or replaced.
    void merge(const Notification &notification);
    static bool before(const Notification &a, const Notification &b);
    QVariantMap toMap(const Notification &notification) const;

    ConnectionFeed m_feed;
    std::unique_ptr<TimeclockClient> m_client;
    QList<Notification> m_notifications;
    QString m_userId;
};

} // namespace Muster
