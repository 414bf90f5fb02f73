// Checks that bytes are well-formed UTF-8 as the Unicode standard defines it (table 3-7): no
// overlong forms, no surrogates, nothing above U+10FFFF. Incremental, so a text message split
// over fragments is checked as it arrives and refused at the first byte that cannot belong.
#pragma once

#include <QByteArrayView>

namespace Muster {

class Utf8Validator
{
public:
    // False once the bytes so far cannot start valid UTF-8; stays false.
    bool feed(QByteArrayView bytes);
    // True when everything fed is valid and no sequence is left unfinished.
    bool isComplete() const { return !m_failed && m_remaining == 0; }
    bool hasFailed() const { return m_failed; }
    void reset() { *this = {}; }

    static bool isValid(QByteArrayView bytes)
    {
        Utf8Validator v;
        return v.feed(bytes) && v.isComplete();
    }

private:
    // Continuation bytes still owed by the current sequence, and the range the next one must
    // fall in (narrower than 0x80–0xBF right after some lead bytes).
    quint8 m_remaining = 0;
    quint8 m_low = 0x80;
    quint8 m_high = 0xBF;
    bool m_failed = false;
};

} // namespace Muster
