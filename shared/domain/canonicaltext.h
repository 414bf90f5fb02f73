// The one canonical form of every name and text Muster stores or compares: Unicode NFC, no NUL
// or other control character (newlines and tabs only where text may span lines), and logins
// case folded. Throttles, lookups and storage all see the same string, so "ada\u0000x",
// "ADA" and a decomposed "é" cannot pass for a second name.
#pragma once

#include <QString>

#include <optional>

namespace Muster::CanonicalText {

enum class Lines { Single, Multiple };

// NFC, trimmed; nullopt when it holds a control character (other than line breaks and tabs for
// Multiple, where CR LF and lone CR become LF).
std::optional<QString> text(const QString &input, Lines lines = Lines::Single);
// A login: text() then case folded.
std::optional<QString> login(const QString &input);

} // namespace Muster::CanonicalText
