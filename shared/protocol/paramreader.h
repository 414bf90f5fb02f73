// Typed access to a request's params that records the first problem as an invalid_params error,
// so handlers read every field first and check once.
#pragma once

#include "rpcerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace Muster {

class ParamReader
{
public:
    explicit ParamReader(const QJsonObject &params)
        : m_params(params)
    { }

    // A non-empty string of at most maxLength characters (after trimming when asked).
    QString requiredString(const QString &key, qsizetype maxLength);
    QString optionalString(const QString &key, qsizetype maxLength, const QString &fallback = {});
    QUuid requiredUuid(const QString &key);
    // Absent or null: nullopt. Present with another type: an error.
    std::optional<bool> optionalBool(const QString &key);
    // A "#rrggbb" colour, returned in lower case.
    QString requiredColor(const QString &key);
    std::optional<QString> optionalColor(const QString &key);
    // An array of 1..maxCount ids (0..maxCount when allowEmpty).
    QList<QUuid> requiredUuidList(const QString &key, qsizetype maxCount, bool allowEmpty = false);
    // Absent or null: a null id.
    QUuid optionalUuid(const QString &key);
    // An ISO 8601 time with an offset or "Z" ("2026-11-25T09:30:00Z"), as UTC.
    QDateTime requiredTime(const QString &key);
    // Absent: nullopt; null: an invalid QDateTime (a caller may mean "none").
    std::optional<QDateTime> optionalTime(const QString &key);
    // A whole number within [minimum, maximum].
    qint64 requiredInt(const QString &key, qint64 minimum, qint64 maximum);
    std::optional<qint64> optionalInt(const QString &key, qint64 minimum, qint64 maximum);
    // A decimal number (or its text, "2.5") within [minimum, maximum] with at most two
    // decimals, returned as canonical text so it reaches SQL numeric columns exactly.
    QString requiredDecimal(const QString &key, double minimum, double maximum);
    // A badge number: 1–8 digits (a string or a whole number), leading zeros dropped.
    QString requiredBadge(const QString &key);

    bool ok() const { return !m_error.isValid(); }
    const RpcError &error() const { return m_error; }

private:
    void fail(const QString &detail);

    QJsonObject m_params;
    RpcError m_error;
};

} // namespace Muster
