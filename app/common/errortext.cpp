// See errortext.h. The server's invalid_params messages start with the quoted wire name of the
// field ("\"name\" must not be blank"): that name becomes the screen's label.
#include "errortext.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Muster {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ErrorText", text);
}

QString spelledOut(const QString &wireName)
{
    QString words;
    for (const QChar c : wireName) {
        if (c.isUpper() && !words.isEmpty())
            words += u' ' + c.toLower();
        else
            words += c;
    }
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

QString sentence(QString text)
{
    text = text.trimmed();
    if (!text.isEmpty() && !text.endsWith(u'.') && !text.endsWith(u'?') && !text.endsWith(u'!'))
        text += u'.';
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

QString errorText(const RpcError &error, const QHash<QString, QString> &fieldLabels)
{
    switch (error.code) {
    case RpcError::InvalidParams: {
        static const QRegularExpression quotedField(
            QStringLiteral(R"re(^(?:Invalid params: )?"(\w+)"\s+(.*)$)re"));
        const QRegularExpressionMatch m = quotedField.match(error.message);
        if (!m.hasMatch())
            return sentence(QString(error.message).remove(QStringLiteral("Invalid params: ")));
        const QString field = m.captured(1);
        return sentence(fieldLabels.value(field, spelledOut(field)) + u' ' + m.captured(2));
    }
    case RpcError::Forbidden:
        return tr("Your role does not allow this. Ask a manager if you need it done.");
    case RpcError::NotFound:
        return tr("It is no longer there: someone may have just removed it. The list shows what "
                  "is there now.");
    case RpcError::RateLimited: {
        const int seconds = error.details.value(QStringLiteral("retryAfter")).toInt();
        if (seconds >= 120)
            return tr("Too many tries. Try again in %1 minutes.").arg((seconds + 59) / 60);
        if (seconds > 1)
            return tr("Too many tries. Try again in %1 seconds.").arg(seconds);
        return tr("Too many tries. Try again in a moment.");
    }
    case RpcError::Unavailable:
    case RpcError::InternalError:
        return tr("The server could not do this just now. Try again in a moment.");
    case RpcError::Timeout:
        return tr("The server did not answer in time. Try again.");
    case RpcError::Disconnected:
        return tr("The connection dropped before the server answered. Muster reconnects by "
                  "itself; try again once it is back.");
    case RpcError::Unauthenticated:
        return tr("You are signed out. Sign in again to go on.");
    default:
        // conflict and the time clock's own refusals carry messages written for people.
        return sentence(error.message);
    }
}

} // namespace Muster
