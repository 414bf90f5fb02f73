// argon2id password hashing (libsodium). Hashing costs ~18 ms and 19 MiB, so the asynchronous
// forms run on a worker pool and report back on the caller's thread.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace Muster {

class PasswordHasher : public QObject
{
    Q_OBJECT
public:
    explicit PasswordHasher(QObject *parent = nullptr);
    ~PasswordHasher() override;

    // Blocking forms, for the command line and tests.
    static QByteArray hash(const QString &password);
    static bool verify(const QByteArray &hash, const QString &password);
    // A random password of the given length from an unambiguous alphabet.
    static QString generatePassword(int length = 16);

    // Asynchronous forms: the handler runs on this object's thread, unless context is gone.
    void hashAsync(const QString &password, QObject *context,
        std::function<void(const QByteArray &hash)> handler);
    // With an empty hash it still spends the same time, so unknown logins take as long as known.
    void verifyAsync(const QByteArray &hash, const QString &password, QObject *context,
        std::function<void(bool matches)> handler);

private:
    QThreadPool m_pool;
    QByteArray m_dummyHash;
};

} // namespace Muster
