// See passwordhasher.h. Parameters: OWASP's argon2id minimum (19 MiB memory, 2 passes).
#include "passwordhasher.h"

#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <sodium.h>

namespace Muster {

namespace {
constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = 19u * 1024u * 1024u;
constexpr int kMaxPasswordBytes = 1024; // longer inputs are refused before they reach argon2

bool initSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}
} // namespace

PasswordHasher::PasswordHasher(QObject *parent)
    : QObject(parent)
{
    initSodium();
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    m_dummyHash = hash(generatePassword());
}

PasswordHasher::~PasswordHasher()
{
    m_pool.waitForDone();
}

QByteArray PasswordHasher::hash(const QString &password)
{
    initSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (utf8.size() > kMaxPasswordBytes
        || crypto_pwhash_str_alg(out, utf8.constData(), utf8.size(), kOpsLimit, kMemLimit,
               crypto_pwhash_ALG_ARGON2ID13)
            != 0) {
        return {};
    }
    return QByteArray(out);
}

bool PasswordHasher::verify(const QByteArray &hash, const QString &password)
{
    initSodium();
    const QByteArray utf8 = password.toUtf8();
    if (hash.isEmpty() || utf8.size() > kMaxPasswordBytes)
        return false;
    return crypto_pwhash_str_verify(hash.constData(), utf8.constData(), utf8.size()) == 0;
}

QString PasswordHasher::generatePassword(int length)
{
    initSodium();
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr uint32_t size = sizeof(alphabet) - 1;
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[randombytes_uniform(size)]));
    return out;
}

void PasswordHasher::hashAsync(
    const QString &password, QObject *context, std::function<void(const QByteArray &)> handler)
{
    QPointer<QObject> guard(context);
    m_pool.start([this, password, guard, handler = std::move(handler)] {
        const QByteArray result = hash(password);
        QMetaObject::invokeMethod(
            this,
            [guard, handler, result] {
                if (guard)
                    handler(result);
            },
            Qt::QueuedConnection);
    });
}

void PasswordHasher::verifyAsync(const QByteArray &hash, const QString &password, QObject *context,
    std::function<void(bool)> handler)
{
    QPointer<QObject> guard(context);
    const QByteArray target = hash.isEmpty() ? m_dummyHash : hash;
    const bool real = !hash.isEmpty();
    m_pool.start([this, target, real, password, guard, handler = std::move(handler)] {
        const bool matches = verify(target, password) && real;
        QMetaObject::invokeMethod(
            this,
            [guard, handler, matches] {
                if (guard)
                    handler(matches);
            },
            Qt::QueuedConnection);
    });
}

} // namespace Muster
