// See passwordpolicy.h.
#include "passwordpolicy.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

namespace Muster::PasswordPolicy {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PasswordPolicy", text);
}

const QSet<QString> &commonPasswords()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        QFile file(QStringLiteral(":/passwords/common.txt"));
        if (!file.open(QIODevice::ReadOnly))
            return set;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QString word = QString::fromUtf8(line).trimmed();
            if (!word.isEmpty() && !word.startsWith(u'#'))
                set.insert(word);
        }
        return set;
    }();
    return words;
}

// "Summer2024!" → "summer": what is left of a guessable word once the digits and signs people
// add to it are taken off the end.
QString stem(const QString &lowered)
{
    qsizetype end = lowered.size();
    while (end > 0 && !lowered.at(end - 1).isLetter())
        --end;
    return lowered.left(end);
}

// One character over and over, or each one the next (or the one before) of the last.
bool isRun(const QString &password)
{
    const QList<uint> codes = password.toUcs4();
    if (codes.size() < 2)
        return true;
    const qint64 step = qint64(codes.at(1)) - qint64(codes.at(0));
    if (step < -1 || step > 1)
        return false;
    for (qsizetype i = 2; i < codes.size(); ++i) {
        if (qint64(codes.at(i)) - qint64(codes.at(i - 1)) != step)
            return false;
    }
    return true;
}

QString squeezed(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

} // namespace

QString problem(const QString &password, const QStringList &personal)
{
    const qsizetype length = password.toUcs4().size(); // characters, not UTF-16 units
    if (length < kMinLength)
        return tr("A password has at least %1 characters.").arg(kMinLength);
    if (length > kMaxLength)
        return tr("A password has at most %1 characters.").arg(kMaxLength);
    if (isRun(password))
        return tr("That password is a plain run of characters: anyone would guess it.");
    const QString lowered = password.toLower();
    const QSet<QString> &common = commonPasswords();
    if (common.contains(lowered) || common.contains(stem(lowered)))
        return tr("That is one of the passwords people guess first: choose another.");
    const QString plain = squeezed(password);
    for (const QString &known : personal) {
        const QString mine = squeezed(known);
        // Short logins ("al") would refuse half the dictionary: only a telling one counts.
        if (mine.size() >= 4 && plain.contains(mine))
            return tr("A password must not contain your login, name or organisation.");
    }
    return {};
}

QString rules()
{
    return tr("At least %1 characters; not a common password, nor your login or name.")
        .arg(kMinLength);
}

} // namespace Muster::PasswordPolicy
