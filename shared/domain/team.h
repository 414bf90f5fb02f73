// A team of an organisation (the seed system's "project"): every person has one home team.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Muster {

struct Team
{
    QString id;
    QString name;
    bool archived = false; // kept with its history, offered for nothing new
    int members = 0; // people whose home team it is

    static Team fromJson(const QJsonObject &object);
};

} // namespace Muster
