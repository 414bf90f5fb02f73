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
    bool hidden = false; // offered by the time clock to managers only ("Security", "Ops")
    int members = 0; // people whose home team it is

    // The wire form of teams.list, teams.changed and the team methods' answers.
    QJsonObject toJson() const;
    static Team fromJson(const QJsonObject &object);

    friend bool operator==(const Team &, const Team &) = default;
};

} // namespace Muster
