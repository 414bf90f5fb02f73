// See wireid.h.
#include "wireid.h"

namespace Muster {

QJsonValue toWireId(const QUuid &id)
{
    return id.isNull() ? QJsonValue() : QJsonValue(id.toString(QUuid::WithoutBraces));
}

} // namespace Muster
