// Field validation shared by every method handler.
#include "paramreader.h"

#include <QJsonValue>

namespace Muster {

void ParamReader::fail(const QString &detail)
{
    if (ok())
        m_error = RpcError::invalidParams(detail);
}

QString ParamReader::requiredString(const QString &key, qsizetype maxLength)
{
    const QJsonValue value = m_params.value(key);
    if (!value.isString()) {
        fail(QStringLiteral("\"%1\" must be a string").arg(key));
        return {};
    }
    const QString text = value.toString();
    if (text.isEmpty()) {
        fail(QStringLiteral("\"%1\" must not be empty").arg(key));
        return {};
    }
    if (text.size() > maxLength) {
        fail(QStringLiteral("\"%1\" is longer than %2 characters").arg(key).arg(maxLength));
        return {};
    }
    return text;
}

QString ParamReader::optionalString(
    const QString &key, qsizetype maxLength, const QString &fallback)
{
    if (!m_params.contains(key) || m_params.value(key).isNull())
        return fallback;
    const QJsonValue value = m_params.value(key);
    if (!value.isString()) {
        fail(QStringLiteral("\"%1\" must be a string").arg(key));
        return fallback;
    }
    if (value.toString().size() > maxLength) {
        fail(QStringLiteral("\"%1\" is longer than %2 characters").arg(key).arg(maxLength));
        return fallback;
    }
    return value.toString();
}

QUuid ParamReader::requiredUuid(const QString &key)
{
    const QJsonValue value = m_params.value(key);
    const QUuid id = value.isString() ? QUuid::fromString(value.toString()) : QUuid();
    if (id.isNull()) {
        fail(QStringLiteral("\"%1\" must be an id").arg(key));
        return {};
    }
    return id;
}

} // namespace Muster
