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
    QString message; // short status text, "" when none
    QDateTime until; // when the state clears itself; invalid when it does not
    QString highlight; // "#rrggbb" set by a manager, "" when none
    QString avatar; // SHA-256 of the uploaded picture, "" for the generated one
    bool online = false;

    static Person fromJson(const QJsonObject &object);
};

} // namespace Muster
