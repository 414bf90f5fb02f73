// The kiosk's local outbox: clock actions taken while the server could not be reached (or whose
// answer was lost), kept in SQLite with their original time and action id until kiosk.replay has
// placed them, and those the server refused, until an operator has seen them. It also keeps what
// the kiosk needs to start offline (its name, the teams offered). Never a PIN or anything
// derived from one: a stolen kiosk must not hold what a guess could be checked against.
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Muster {

class Outbox : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int queuedCount READ queuedCount NOTIFY countsChanged)
    Q_PROPERTY(int refusedCount READ refusedCount NOTIFY countsChanged)
public:
    struct Action
    {
        QString actionId;
        QString kind; // "clockIn" or "clockOut"
        QString badge;
        QDateTime at;
        QString teamId; // clockIn only
        QString teamName; // for people reading the queue
        bool refused = false;
        QString reason; // why the server refused it
        QString message;
    };

    enum Roles {
        ActionIdRole = Qt::UserRole + 1, // QString
        KindRole, // QString: "clockIn" or "clockOut"
        BadgeRole, // QString
        AtRole, // QDateTime (UTC): when it happened at the kiosk
        TeamNameRole, // QString
        RefusedRole, // bool: the server refused it (see reason and message)
        ReasonRole, // QString: "stale_action", "overlap", …
        MessageRole, // QString
    };
    Q_ENUM(Roles)

    explicit Outbox(QObject *parent = nullptr);
    ~Outbox() override;

    // Opens (or creates) the outbox in this file; false and errorString() when it cannot.
    bool open(const QString &path);
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Queues an action; true once it is on disk.
    bool enqueue(const Action &action);
    // Queued actions, oldest first, at most `limit` (kiosk.replay takes 500 at a time).
    QList<Action> queued(int limit = 500) const;
    // The server placed it (or had placed it before): it leaves the outbox.
    void remove(const QString &actionId);
    // The server refused it for good: kept to be shown, no longer replayed.
    void markRefused(const QString &actionId, const QString &reason, const QString &message);
    // An operator has seen the refused ones.
    Q_INVOKABLE void clearRefused();
    int queuedCount() const;
    int refusedCount() const;
    // The last queued action for this badge, to offer the likely next one offline.
    QString lastQueuedKind(const QString &badge) const;

    // What the kiosk keeps to start offline.
    void remember(const QString &key, const QJsonObject &value);
    QJsonObject recall(const QString &key) const;

    static QJsonObject toReplay(const Action &action);

Q_SIGNALS:
    void countsChanged();

private:
    void reload();

    QString m_connectionName;
    QString m_error;
    QList<Action> m_actions; // queued first (oldest first), then refused
};

} // namespace Muster
