// See utf8validator.h.
#include "utf8validator.h"

namespace Muster {

bool Utf8Validator::feed(QByteArrayView bytes)
{
    if (m_failed)
        return false;
    const auto *p = reinterpret_cast<const quint8 *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p != end) {
        const quint8 b = *p++;
        if (m_remaining > 0) {
            if (b < m_low || b > m_high)
                return !(m_failed = true);
            --m_remaining;
            m_low = 0x80;
            m_high = 0xBF;
            continue;
        }
        if (b < 0x80)
            continue;
        if (b >= 0xC2 && b <= 0xDF) {
            m_remaining = 1;
        } else if (b == 0xE0) {
            m_remaining = 2;
            m_low = 0xA0; // below would be overlong
        } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
            m_remaining = 2;
        } else if (b == 0xED) {
            m_remaining = 2;
            m_high = 0x9F; // above would be a surrogate
        } else if (b == 0xF0) {
            m_remaining = 3;
            m_low = 0x90; // below would be overlong
        } else if (b >= 0xF1 && b <= 0xF3) {
            m_remaining = 3;
        } else if (b == 0xF4) {
            m_remaining = 3;
            m_high = 0x8F; // above would pass U+10FFFF
        } else {
            // 0x80–0xC1 (a stray continuation, an overlong two-byte lead) and 0xF5–0xFF.
            return !(m_failed = true);
        }
    }
    return true;
}

} // namespace Muster
