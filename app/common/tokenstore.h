// Keeps the session token in the desktop's secret service (QtKeychain). Where there is none,
// it says so once and keeps nothing: the app then remembers only the login name.
#pragma once

#include <QObject>
#include <QString>

namespace Muster {

class TokenStore : public QObject
{
    Q_OBJECT
public:
    explicit TokenStore(QObject *parent = nullptr);

    // Emits loaded() with the token ("" when none is stored) or unavailable().
    void load(const QString &account);
    void save(const QString &account, const QString &token);
    // Finds out whether a secret store exists; emits unavailable() when it does not.
    void probe();
    void erase(const QString &account);

    // False once the secret service has failed; then nothing is attempted any more.
    bool isAvailable() const { return m_available; }

Q_SIGNALS:
    void loaded(const QString &token);
    void unavailable(const QString &reason);

private:
    void markUnavailable(const QString &reason);

    bool m_available = true;
};

} // namespace Muster
