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
    bool online = false;

    static Person fromJson(const QJsonObject &object);
};

} // namespace Muster
