// Field validation shared by every method handler.
#include "paramreader.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

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

std::optional<bool> ParamReader::optionalBool(const QString &key)
{
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isBool()) {
        fail(QStringLiteral("\"%1\" must be true or false").arg(key));
        return std::nullopt;
    }
    return value.toBool();
}

QString ParamReader::requiredColor(const QString &key)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    const QString text = requiredString(key, 7);
    if (!ok())
        return {};
    if (!hex.match(text).hasMatch()) {
        fail(QStringLiteral("\"%1\" must be a colour like #2e9d5b").arg(key));
        return {};
    }
    return text.toLower();
}

std::optional<QString> ParamReader::optionalColor(const QString &key)
{
    if (!m_params.contains(key) || m_params.value(key).isNull())
        return std::nullopt;
    const QString color = requiredColor(key);
    return ok() ? std::optional<QString>(color) : std::nullopt;
}

QList<QUuid> ParamReader::requiredUuidList(const QString &key, qsizetype maxCount)
{
    const QJsonValue value = m_params.value(key);
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > maxCount) {
        fail(QStringLiteral("\"%1\" must be a list of 1 to %2 ids").arg(key).arg(maxCount));
        return {};
    }
    QList<QUuid> ids;
    for (const QJsonValue &item : value.toArray()) {
        const QUuid id = item.isString() ? QUuid::fromString(item.toString()) : QUuid();
        if (id.isNull()) {
            fail(QStringLiteral("\"%1\" must hold only ids").arg(key));
            return {};
        }
        ids.append(id);
    }
    return ids;
}

} // namespace Muster
