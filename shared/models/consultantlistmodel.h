// The consultants on chat duty in my organisation, by name, each with their chats in progress
// and whether they take a client now: whom a chat can be handed to, and what a manager watches.
// Feeds itself; chat.dutyChanged brings people in and out, presence.changed moves their load and
// whether they are connected, and a new state (which may or may not take work) asks again.
#pragma once

#include "client/chatclient.h"
#include "models/connectionfeed.h"

#include <QAbstractListModel>
#include <QList>
#include <QUuid>

#include <memory>

namespace Muster {

class ConsultantListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool onDuty READ isOnDuty NOTIFY onDutyChanged)
public:
    enum Roles {
        UserIdRole = Qt::UserRole + 1, // QString
        DisplayNameRole, // QString
        ChatNameRole, // QString: what clients see
        ChatsRole, // int: in progress
        OnlineRole, // bool
        AvailableRole, // bool: in a state that takes work
    };
    Q_ENUM(Roles)

    struct Consultant
    {
        QUuid userId;
        QString displayName;
        QString chatName;
        int chats = 0;
        bool online = false;
        bool available = false;
    };

    explicit ConsultantListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    int count() const { return int(m_people.size()); }
    bool isLoaded() const { return m_loaded; }
    const Consultant *consultantAt(int row) const;
    int rowOf(const QUuid &userId) const;
    // Whether I am on duty, and under which chat name.
    bool isOnDuty() const;
    QString myChatName() const;

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void countChanged();
    void onDutyChanged();
    void loadedChanged();
    void loadFailed(const QString &message);

private:
    void reset(const QJsonArray &consultants);
    void onPush(const QString &method, const QJsonObject &params);
    QUuid me() const;

    ConnectionFeed m_feed;
    std::unique_ptr<ChatClient> m_client;
    QList<Consultant> m_people;
    bool m_loaded = false;
};

} // namespace Muster
