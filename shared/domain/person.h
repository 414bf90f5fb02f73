// One member of an organisation as the board shows them: who, which state since when, online or
// not.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Muster {

struct Person
{
    QString userId;
    QString displayName;
    QString login;
    QString role;
    QString teamId;
    QString stateId;
    QDateTime since;
    QDateTime lastSeen; // when their last connection closed; invalid when never seen
    QString message; // short status text, "" when none
    QDateTime until; // when the state clears itself; invalid when it does not
    QString highlight; // "#rrggbb" set by a manager, "" when none
    QString avatar; // SHA-256 of the uploaded picture, "" for the generated one
    bool online = false;
    int chats = 0; // consultant chats in progress

    // The wire form of presence.list's people.
    QJsonObject toJson() const;
    static Person fromJson(const QJsonObject &object);

    friend bool operator==(const Person &, const Person &) = default;
};

} // namespace Muster
