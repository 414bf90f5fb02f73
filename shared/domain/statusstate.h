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

    static StatusState fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

} // namespace Muster
