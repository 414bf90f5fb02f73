// See canonicaltext.h.
#include "canonicaltext.h"

namespace Muster::CanonicalText {

std::optional<QString> text(const QString &input, Lines lines)
{
    QString out = input;
    if (lines == Lines::Multiple)
        out.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(u'\r', u'\n');
    for (const QChar c : std::as_const(out)) {
        // Cc: C0, DEL and C1. Format characters (zero-width joiners in emoji, bidi marks in
        // names written right to left) are real text and stay.
        if (c.category() != QChar::Other_Control)
            continue;
        if (lines == Lines::Multiple && (c == u'\n' || c == u'\t'))
            continue;
        return std::nullopt;
    }
    return out.normalized(QString::NormalizationForm_C).trimmed();
}

std::optional<QString> login(const QString &input)
{
    const std::optional<QString> t = text(input);
    if (!t)
        return std::nullopt;
    return t->toCaseFolded();
}

} // namespace Muster::CanonicalText
