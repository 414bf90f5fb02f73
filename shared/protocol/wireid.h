// Ids on the wire: a uuid without braces ("0190…"); a null id (no actor, no team) travels as null.
#pragma once

#include <QJsonValue>
#include <QUuid>

namespace Muster {

QJsonValue toWireId(const QUuid &id);

} // namespace Muster
