// Field validation shared by every method handler.
#include "paramreader.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

#include <cmath>

namespace Muster {

namespace {

// A JSON number that is a whole number a double holds exactly (|n| <= 2^53), else nullopt.
// Checked before converting: casting a larger double to an integer is undefined behaviour.
std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    constexpr double kExact = 9007199254740992.0; // 2^53
    if (!(number >= -kExact && number <= kExact) || number != std::trunc(number))
        return std::nullopt; // also NaN and the infinities
    return qint64(number);
}

} // namespace

void ParamReader::fail(const QString &detail)
{
    if (ok())
        m_error = RpcError::invalidParams(detail);
}

QString ParamReader::requiredSecret(const QString &key, qsizetype maxLength)
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

std::optional<QString> ParamReader::canonical(
    const QString &key, const QString &text, qsizetype maxLength, CanonicalText::Lines lines)
{
    const std::optional<QString> clean = CanonicalText::text(text, lines);
    if (!clean) {
        fail(QStringLiteral("\"%1\" must not contain control characters").arg(key));
        return std::nullopt;
    }
    if (clean->size() > maxLength) {
        fail(QStringLiteral("\"%1\" is longer than %2 characters").arg(key).arg(maxLength));
        return std::nullopt;
    }
    return clean;
}

QString ParamReader::requiredString(
    const QString &key, qsizetype maxLength, CanonicalText::Lines lines)
{
    const QJsonValue value = m_params.value(key);
    if (!value.isString()) {
        fail(QStringLiteral("\"%1\" must be a string").arg(key));
        return {};
    }
    const std::optional<QString> text = canonical(key, value.toString(), maxLength, lines);
    if (text && text->isEmpty())
        fail(QStringLiteral("\"%1\" must not be empty").arg(key));
    return text.value_or(QString());
}

QString ParamReader::optionalString(
    const QString &key, qsizetype maxLength, const QString &fallback, CanonicalText::Lines lines)
{
    if (!m_params.contains(key) || m_params.value(key).isNull())
        return fallback;
    const QJsonValue value = m_params.value(key);
    if (!value.isString()) {
        fail(QStringLiteral("\"%1\" must be a string").arg(key));
        return fallback;
    }
    return canonical(key, value.toString(), maxLength, lines).value_or(fallback);
}

QString ParamReader::requiredLogin(const QString &key)
{
    const QString text = requiredString(key, kMaxLogin);
    return ok() ? text.toCaseFolded() : QString();
}

QString ParamReader::optionalLogin(const QString &key)
{
    return optionalString(key, kMaxLogin).toCaseFolded();
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

QList<QUuid> ParamReader::requiredUuidList(const QString &key, qsizetype maxCount, bool allowEmpty)
{
    const QJsonValue value = m_params.value(key);
    if (!value.isArray() || (value.toArray().isEmpty() && !allowEmpty)
        || value.toArray().size() > maxCount) {
        fail(QStringLiteral("\"%1\" must be a list of %2 to %3 ids")
                 .arg(key)
                 .arg(allowEmpty ? 0 : 1)
                 .arg(maxCount));
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

QUuid ParamReader::optionalUuid(const QString &key)
{
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    return requiredUuid(key);
}

QDateTime ParamReader::requiredTime(const QString &key)
{
    const QJsonValue value = m_params.value(key);
    // An offset is required: a time without one means different instants on different machines.
    static const QRegularExpression iso(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$"));
    const QString text = value.isString() ? value.toString() : QString();
    const QDateTime time
        = iso.match(text).hasMatch() ? QDateTime::fromString(text, Qt::ISODateWithMs) : QDateTime();
    if (!time.isValid()) {
        fail(QStringLiteral("\"%1\" must be a time like 2026-11-25T09:30:00Z").arg(key));
        return {};
    }
    return time.toUTC();
}

std::optional<QDateTime> ParamReader::optionalTime(const QString &key)
{
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined())
        return std::nullopt;
    if (value.isNull())
        return QDateTime();
    return requiredTime(key);
}

qint64 ParamReader::requiredInt(const QString &key, qint64 minimum, qint64 maximum)
{
    const std::optional<qint64> number = wholeNumber(m_params.value(key));
    if (!number || *number < minimum || *number > maximum) {
        fail(QStringLiteral("\"%1\" must be a whole number from %2 to %3")
                 .arg(key)
                 .arg(minimum)
                 .arg(maximum));
        return minimum;
    }
    return *number;
}

std::optional<qint64> ParamReader::optionalInt(const QString &key, qint64 minimum, qint64 maximum)
{
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return requiredInt(key, minimum, maximum);
}

QString ParamReader::requiredDecimal(const QString &key, double minimum, double maximum)
{
    static const QRegularExpression decimal(QStringLiteral("^\\d{1,6}(\\.\\d{1,2})?$"));
    const QJsonValue value = m_params.value(key);
    QString text;
    if (value.isDouble())
        text = QString::number(value.toDouble(), 'f', 2);
    else if (value.isString())
        text = value.toString().trimmed();
    bool parsed = false;
    const double number = text.toDouble(&parsed);
    if (!decimal.match(text).hasMatch() || !parsed || number < minimum || number > maximum
        || (value.isDouble()
            && qAbs(value.toDouble() * 100 - qRound64(value.toDouble() * 100)) > 1e-6)) {
        fail(QStringLiteral("\"%1\" must be a number from %2 to %3 with at most two decimals")
                 .arg(key)
                 .arg(minimum)
                 .arg(maximum));
        return {};
    }
    return text;
}

QString ParamReader::requiredBadge(const QString &key)
{
    static const QRegularExpression digits(QStringLiteral("^\\d{1,8}$"));
    const QJsonValue value = m_params.value(key);
    QString text;
    if (value.isString())
        text = value.toString().trimmed();
    else if (const std::optional<qint64> number = wholeNumber(value); number && *number >= 0)
        text = QString::number(*number);
    if (!digits.match(text).hasMatch()) {
        fail(QStringLiteral("\"%1\" must be a badge number of 1 to 8 digits").arg(key));
        return {};
    }
    while (text.size() > 1 && text.startsWith(QLatin1Char('0')))
        text.remove(0, 1);
    return text;
}

} // namespace Muster
