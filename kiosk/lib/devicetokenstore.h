// Where a kiosk keeps what makes it a kiosk: its device token (and, while it waits for approval,
// its pairing code). In the system keychain where there is one; else, or when the keychain
// fails, in a file in the kiosk's data directory that only its user may read.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace Muster {

class DeviceTokenStore : public QObject
{
    Q_OBJECT
public:
    // The kiosk's credential: {deviceToken, pairingCode?, expiresAt?, server}.
    DeviceTokenStore(const QString &dataDirectory, bool useKeychain, QObject *parent = nullptr);

    // Emits loaded() with the credential, an empty object when there is none.
    void load();
    void save(const QJsonObject &credential);
    void erase();
    // "keychain" or the file's path: for the operator menu and the log.
    QString location() const;

Q_SIGNALS:
    void loaded(const QJsonObject &credential);

private:
    QJsonObject readFile() const;
    void writeFile(const QJsonObject &credential) const;
    void fallBackToFile(const QString &why);

    QString m_path;
    bool m_keychain;
};

} // namespace Muster
