// See organisation.h.
#include "organisation.h"

namespace Muster {

QJsonObject Organisation::toJson() const
{
    QJsonObject o {
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), name},
    };
    if (people)
        o.insert(QStringLiteral("people"), *people);
    return o;
}

Organisation Organisation::fromJson(const QJsonObject &o)
{
    Organisation org;
    org.id = QUuid(o.value(QStringLiteral("id")).toString());
    org.name = o.value(QStringLiteral("name")).toString();
    if (o.value(QStringLiteral("people")).isDouble())
        org.people = o.value(QStringLiteral("people")).toInt();
    return org;
}

} // namespace Muster
