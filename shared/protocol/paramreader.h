// Typed access to a request's params that records the first problem as an invalid_params error,
// so handlers read every field first and check once.
#pragma once

#include "rpcerror.h"

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
    // An array of 1..maxCount ids.
    QList<QUuid> requiredUuidList(const QString &key, qsizetype maxCount);

    bool ok() const { return !m_error.isValid(); }
    const RpcError &error() const { return m_error; }

private:
    void fail(const QString &detail);

    QJsonObject m_params;
    RpcError m_error;
};

} // namespace Muster
