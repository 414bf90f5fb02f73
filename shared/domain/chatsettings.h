// An organisation's anteroom: how its page looks and what it asks, who may embed it, when it is
// open, and the rules of its queue. Checked here, in one place, for the server that stores them
// and the desktop editor that writes them.
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Muster {

struct ChatSettings
{
    QString publicKey; // in the anteroom's address
    bool enabled = true;
    QStringList allowedOrigins; // "https://help.example.org": may frame the page
    QJsonObject texts; // by the names in textNames(); missing ones take defaultTexts()
    QJsonArray questions; // [{id, label, required}]
    QJsonObject theme; // by the names in colourNames(): "#rrggbb"
    QString quickExitUrl = QStringLiteral("https://www.wikipedia.org/");
    QString timeZone = QStringLiteral("UTC");
    QJsonArray openingHours; // [{day: 1..7 (Monday 1), from: "HH:MM", to: "HH:MM"}]
    int retentionDays = 30;
    int maxChatsPerConsultant = 3;
    int maxWaiting = 50;
    // SHA-256 (hex) of the page's logo, empty for none. Uploaded with chat.settings.setLogo and
    // served at /anteroom/<publicKey>/logo; never part of an update.
    QString logo;

    static constexpr int kMaxOrigins = 20;
    static constexpr int kMaxQuestions = 10;
    static constexpr int kMaxText = 1000;

    static QStringList textNames();
    static QStringList colourNames();
    static QJsonObject defaultTexts();
    static QJsonObject defaultTheme();

    // Takes the fields `changes` has (the params of chat.settings.update) and checks the
    // result; an empty string, or what is wrong in words a manager understands.
    QString apply(const QJsonObject &changes);
    // Whether clients may start a chat at `when`, by the opening hours in the time zone.
    bool isOpenAt(const QDateTime &when) const;

    // The manager's wire form (chat.settings.get / update).
    QJsonObject toJson() const;
    static ChatSettings fromJson(const QJsonObject &object);
    // What the anteroom page is told (anteroom.open): texts with defaults filled in, the
    // questions, the colours, the quick-exit address and the logo's hash; nothing about who may
    // embed it.
    QJsonObject toPublicJson() const;

    // The logo's hash, or null for none.
    QJsonValue logoJson() const;

    // "https://Help.Example.org:443/" → "https://help.example.org"; empty when not an origin.
    static QString normalisedOrigin(const QString &origin);

    friend bool operator==(const ChatSettings &, const ChatSettings &) = default;
};

} // namespace Muster
