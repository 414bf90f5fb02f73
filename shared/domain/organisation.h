// An organisation: the tenant everything else belongs to.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace Muster {

struct Organisation
{
    QUuid id;
    QString name;
    std::optional<int> people; // members who are not banned, where the answer counts them

    // The wire form of orgs.list (with people) and presence.list's "organisation".
    QJsonObject toJson() const;
    static Organisation fromJson(const QJsonObject &object);

    friend bool operator==(const Organisation &, const Organisation &) = default;
};

} // namespace Muster
