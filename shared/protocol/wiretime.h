// Times on the wire: ISO 8601 in UTC with milliseconds ("2026-12-02T04:05:06.789Z"), the form
// every method and push uses; an invalid time travels as null.
#pragma once

#include <QDateTime>
#include <QJsonValue>

namespace Muster {

QJsonValue toWireTime(const QDateTime &time);
// An invalid QDateTime when the value is null, not a string or not such a time.
QDateTime fromWireTime(const QJsonValue &value);

} // namespace Muster
