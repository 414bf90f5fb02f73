// A status an organisation offers its members ("Available", "In a meeting", …).
#pragma once

#include <QJsonObject>
#include <QString>

namespace Muster {

struct StatusState
{
    QString id;
    QString label;
    QString color; // "#rrggbb"
    QString icon;
    int order = 0;
    bool available = false; // counts as reachable
    bool isDefault = false; // where members start and return to
    bool shift = false; // set by the time clock while someone is on shift, never chosen

    static StatusState fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

} // namespace Muster
