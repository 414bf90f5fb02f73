// Typed access to a request's params that records the first problem as an invalid_params error,
// so handlers read every field first and check once.
#pragma once

#include "domain/canonicaltext.h"
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

    static constexpr qsizetype kMaxLogin = 64;

    // Text in its canonical form (CanonicalText: NFC, trimmed, no control characters, line
    // breaks only where `lines` allows them), non-empty, of at most maxLength characters.
    QString requiredString(const QString &key, qsizetype maxLength,
        CanonicalText::Lines lines = CanonicalText::Lines::Single);
    // Absent or null: the fallback. Present: canonical text, which may be empty.
    QString optionalString(const QString &key, qsizetype maxLength, const QString &fallback = {},
        CanonicalText::Lines lines = CanonicalText::Lines::Single);
    // A login, canonical and case folded: the form every lookup and throttle uses.
    QString requiredLogin(const QString &key);
    QString optionalLogin(const QString &key); // empty when absent
    // A password, PIN, code or token exactly as given (never trimmed or normalised: it is
    // compared, not shown), non-empty, of at most maxLength characters.
    QString requiredSecret(const QString &key, qsizetype maxLength);
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
    std::optional<QString> canonical(
        const QString &key, const QString &text, qsizetype maxLength, CanonicalText::Lines lines);

    QJsonObject m_params;
    RpcError m_error;
};

} // namespace Muster
