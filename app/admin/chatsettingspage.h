// Administration → Anteroom (managers): everything the organisation's chat anteroom is. Its
// address and the snippet to embed it (and a new address when the old one leaked), the sites
// allowed to frame it, its texts, the questions of its intake, its colours and logo, its
// opening hours and time zone, how long ended chats are kept, how many chats a consultant holds
// at once and how many clients may wait; and the canned replies consultants use. One Save writes it
// all, checked first by the same rules as the server's (ChatSettings::apply); the logo goes up on
// its own, as soon as it is chosen, like a profile picture.
#pragma once

#include "adminpage.h"
#include "client/chatclient.h"
#include "domain/chatsettings.h"

#include <QHash>
#include <QImage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QComboBox;

namespace Muster {

class ChatSettingsPage : public AdminPage
{
    Q_OBJECT
public:
    explicit ChatSettingsPage(Connection &connection, QWidget *parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    const ChatSettings &saved() const { return m_saved; }
    // The anteroom's address, and the HTML that frames it on the organisation's site.
    QString anteroomUrl() const;
    QString embedSnippet() const;
    // What the form says now, as chat.settings.update params; empty with a message when the
    // form has something the server would refuse.
    QJsonObject changes(QString *problem = nullptr) const;
    QJsonArray cannedReplies() const;
    // The logo as the page shows it here; null while there is none or it is on its way.
    QImage logoPreview() const { return m_logoImage; }
    // Fits a picture into the page's header (at most kLogoBox, shape kept), or a null image
    // with *problem said when it cannot be made into a usable logo.
    static QImage fittedLogo(const QImage &image, QString *problem);
    static constexpr QSize kLogoBox {800, 200};

public Q_SLOTS:
    void reload();
    void save();
    void rotateKey();
    void chooseLogo();
    void uploadLogo(const QImage &image);
    void removeLogo();

Q_SIGNALS:
    void loaded();
    void savedChanged();
    void logoShown();

private:
    void show(const ChatSettings &settings);
    void showCanned(const QJsonArray &replies);
    void addQuestion(const QString &id, const QString &label, bool required);
    void addHours(int day, const QString &from, const QString &to);
    void addCanned(const QString &title, const QString &body);
    void setColour(const QString &name, const QString &colour);
    void sendLogo(const QString &base64, const QByteArray &bytes);
    void showLogo(const QString &sha256, const QByteArray &bytes);
    void fetchLogo(const QString &sha256);

    ChatClient m_chat;
    ChatSettings m_saved;
    bool m_loaded = false;
    QCheckBox *m_enabled;
    QLineEdit *m_address;
    QPlainTextEdit *m_embed;
    QPushButton *m_rotate;
    QPlainTextEdit *m_origins;
    QHash<QString, QWidget *> m_texts; // QLineEdit or QPlainTextEdit by text name
    QTableWidget *m_questions;
    QHash<QString, QPushButton *> m_colours;
    QLineEdit *m_quickExit;
    QComboBox *m_timeZone;
    QTableWidget *m_hours;
    QSpinBox *m_retention;
    QSpinBox *m_perConsultant;
    QSpinBox *m_maxWaiting;
    QTableWidget *m_canned;
    QLabel *m_logo;
    QPushButton *m_chooseLogo;
    QPushButton *m_removeLogo;
    QNetworkAccessManager *m_network;
    QString m_logoSha; // of what m_logoImage shows
    QImage m_logoImage;
    QPushButton *m_save;
};

} // namespace Muster
