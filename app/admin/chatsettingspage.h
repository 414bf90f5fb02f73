// Administration → Anteroom (managers): everything the organisation's chat anteroom is. Its
// address and the snippet to embed it (and a new address when the old one leaked), the sites
// allowed to frame it, its texts, the questions of its intake, its colours, its opening hours
// and time zone, how long ended chats are kept, how many chats a consultant holds at once and
// how many clients may wait; and the canned replies consultants use. One Save writes it all,
// checked first by the same rules as the server's (ChatSettings::apply).
#pragma once

#include "adminpage.h"
#include "client/chatclient.h"
#include "domain/chatsettings.h"

#include <QHash>

class QCheckBox;
class QLineEdit;
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

public Q_SLOTS:
    void reload();
    void save();
    void rotateKey();

Q_SIGNALS:
    void loaded();
    void savedChanged();

private:
    void show(const ChatSettings &settings);
    void showCanned(const QJsonArray &replies);
    void addQuestion(const QString &id, const QString &label, bool required);
    void addHours(int day, const QString &from, const QString &to);
    void addCanned(const QString &title, const QString &body);
    void setColour(const QString &name, const QString &colour);

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
    QPushButton *m_save;
};

} // namespace Muster
