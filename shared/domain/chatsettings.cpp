// See chatsettings.h.
#include "chatsettings.h"

#include "canonicaltext.h"

#include <QRegularExpression>
#include <QTime>
#include <QTimeZone>
#include <QUrl>

#include <cmath>

namespace Muster {

namespace {

const QString kPublicKey = QStringLiteral("publicKey");
const QString kEnabled = QStringLiteral("enabled");
const QString kOrigins = QStringLiteral("allowedOrigins");
const QString kTexts = QStringLiteral("texts");
const QString kQuestions = QStringLiteral("questions");
const QString kTheme = QStringLiteral("theme");
const QString kQuickExit = QStringLiteral("quickExitUrl");
const QString kTimeZone = QStringLiteral("timeZone");
const QString kHours = QStringLiteral("openingHours");
const QString kRetention = QStringLiteral("retentionDays");
const QString kMaxChats = QStringLiteral("maxChatsPerConsultant");
const QString kMaxWaiting = QStringLiteral("maxWaiting");
const QString kLogo = QStringLiteral("logo");

bool isColour(const QJsonValue &v)
{
    static const QRegularExpression colour(QStringLiteral("^#[0-9a-f]{6}$"));
    return v.isString() && colour.match(v.toString()).hasMatch();
}

std::optional<QTime> timeOfDay(const QJsonValue &v)
{
    static const QRegularExpression hhmm(QStringLiteral("^([01][0-9]|2[0-4]):[0-5][0-9]$"));
    if (!v.isString() || !hhmm.match(v.toString()).hasMatch())
        return std::nullopt;
    if (v.toString() == QLatin1String("24:00"))
        return QTime(23, 59, 59, 999);
    const QTime t = QTime::fromString(v.toString(), QStringLiteral("HH:mm"));
    return t.isValid() ? std::optional(t) : std::nullopt;
}

std::optional<int> wholeNumber(const QJsonValue &v, int minimum, int maximum)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d != std::floor(d) || d < minimum || d > maximum)
        return std::nullopt;
    return int(d);
}

QString checkTexts(const QJsonValue &value, QJsonObject &out)
{
    if (!value.isObject())
        return QStringLiteral("Texts must be an object of named texts");
    const QJsonObject texts = value.toObject();
    QJsonObject clean;
    for (auto it = texts.begin(); it != texts.end(); ++it) {
        if (!ChatSettings::textNames().contains(it.key()))
            return QStringLiteral("There is no page text called “%1”").arg(it.key());
        const std::optional<QString> text = it->isString()
            ? CanonicalText::text(it->toString(), CanonicalText::Lines::Multiple)
            : std::nullopt;
        if (!text || text->size() > ChatSettings::kMaxText)
            return QStringLiteral("The text “%1” must be plain text of at most %2 characters")
                .arg(it.key())
                .arg(ChatSettings::kMaxText);
        if (!text->isEmpty())
            clean.insert(it.key(), *text);
    }
    out = clean;
    return {};
}

QString checkQuestions(const QJsonValue &value, QJsonArray &out)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9_-]{1,32}$"));
    if (!value.isArray() || value.toArray().size() > ChatSettings::kMaxQuestions)
        return QStringLiteral("Questions must be a list of at most %1")
            .arg(ChatSettings::kMaxQuestions);
    QJsonArray clean;
    QStringList ids;
    for (const QJsonValue &q : value.toArray()) {
        const QJsonObject o = q.toObject();
        const QString id = o.value(QStringLiteral("id")).toString();
        const std::optional<QString> label = o.value(QStringLiteral("label")).isString()
            ? CanonicalText::text(o.value(QStringLiteral("label")).toString())
            : std::nullopt;
        if (!idPattern.match(id).hasMatch() || ids.contains(id))
            return QStringLiteral("Each question needs an id of its own (a–z, 0–9, - and _)");
        if (!label || label->isEmpty() || label->size() > 200)
            return QStringLiteral("Each question needs a label of at most 200 characters");
        const QJsonValue required = o.value(QStringLiteral("required"));
        if (!required.isUndefined() && !required.isBool())
            return QStringLiteral("“required” is true or false");
        ids.append(id);
        clean.append(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("label"), *label},
            {QStringLiteral("required"), required.toBool(false)}});
    }
    out = clean;
    return {};
}

QString checkHours(const QJsonValue &value, QJsonArray &out)
{
    if (!value.isArray() || value.toArray().size() > 28)
        return QStringLiteral("Opening hours must be a list of at most 28 periods");
    QJsonArray clean;
    for (const QJsonValue &h : value.toArray()) {
        const QJsonObject o = h.toObject();
        const std::optional<int> day = wholeNumber(o.value(QStringLiteral("day")), 1, 7);
        const std::optional<QTime> from = timeOfDay(o.value(QStringLiteral("from")));
        const std::optional<QTime> to = timeOfDay(o.value(QStringLiteral("to")));
        if (!day || !from || !to || *from >= *to)
            return QStringLiteral(
                "Each opening period needs a day (1 Monday … 7 Sunday) and from/to times "
                "(\"09:00\"), from before to");
        clean.append(QJsonObject {{QStringLiteral("day"), *day},
            {QStringLiteral("from"), o.value(QStringLiteral("from"))},
            {QStringLiteral("to"), o.value(QStringLiteral("to"))}});
    }
    out = clean;
    return {};
}

} // namespace

QStringList ChatSettings::textNames()
{
    return {QStringLiteral("title"), QStringLiteral("welcome"), QStringLiteral("consent"),
        QStringLiteral("waiting"), QStringLiteral("outOfHours"), QStringLiteral("closed")};
}

QStringList ChatSettings::colourNames()
{
    return {QStringLiteral("accent"), QStringLiteral("background"), QStringLiteral("text"),
        QStringLiteral("bubble")};
}

QJsonObject ChatSettings::defaultTexts()
{
    return {
        {QStringLiteral("title"), QStringLiteral("Talk to someone")},
        {QStringLiteral("welcome"),
            QStringLiteral("You can chat with one of our counsellors here. You do not need to "
                           "give your name: choose any name you like.")},
        {QStringLiteral("consent"),
            QStringLiteral("I understand that this chat is kept for a limited time and then "
                           "deleted, and that I can ask for it to be deleted at any time.")},
        {QStringLiteral("waiting"),
            QStringLiteral("Thank you for reaching out. A counsellor will be with you soon. "
                           "You can already write what is on your mind.")},
        {QStringLiteral("outOfHours"),
            QStringLiteral("Nobody is available to chat right now. If you are in danger, "
                           "call your local emergency number.")},
        {QStringLiteral("closed"),
            QStringLiteral("This chat has ended. Thank you for talking to us.")},
    };
}

QJsonObject ChatSettings::defaultTheme()
{
    return {
        {QStringLiteral("accent"), QStringLiteral("#2f6f73")},
        {QStringLiteral("background"), QStringLiteral("#f7f5f0")},
        {QStringLiteral("text"), QStringLiteral("#1f2a2e")},
        {QStringLiteral("bubble"), QStringLiteral("#e3ece9")},
    };
}

QString ChatSettings::normalisedOrigin(const QString &origin)
{
    const QUrl url(origin.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()
        || (url.path() != QLatin1String("/") && !url.path().isEmpty()))
        return {};
    QString out = scheme + QStringLiteral("://") + url.host(QUrl::FullyEncoded).toLower();
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort)
        out += u':' + QString::number(url.port());
    return out;
}

QString ChatSettings::apply(const QJsonObject &changes)
{
    ChatSettings next = *this;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue &v = *it;
        if (key == kEnabled) {
            if (!v.isBool())
                return QStringLiteral("“enabled” is true or false");
            next.enabled = v.toBool();
        } else if (key == kOrigins) {
            if (!v.isArray() || v.toArray().size() > kMaxOrigins)
                return QStringLiteral("Allowed sites must be a list of at most %1")
                    .arg(kMaxOrigins);
            QStringList origins;
            for (const QJsonValue &o : v.toArray()) {
                const QString origin = normalisedOrigin(o.toString());
                if (origin.isEmpty())
                    return QStringLiteral("“%1” is not a web site's address such as "
                                          "https://help.example.org")
                        .arg(o.toString().left(100));
                if (!origins.contains(origin))
                    origins.append(origin);
            }
            next.allowedOrigins = origins;
        } else if (key == kTexts) {
            if (QString e = checkTexts(v, next.texts); !e.isEmpty())
                return e;
        } else if (key == kQuestions) {
            if (QString e = checkQuestions(v, next.questions); !e.isEmpty())
                return e;
        } else if (key == kTheme) {
            if (!v.isObject())
                return QStringLiteral("The theme is an object of colours");
            const QJsonObject theme = v.toObject();
            for (auto c = theme.begin(); c != theme.end(); ++c) {
                if (!colourNames().contains(c.key()) || !isColour(*c))
                    return QStringLiteral("Theme colours are accent, background, text and bubble, "
                                          "each as #rrggbb in lower case");
            }
            next.theme = theme;
        } else if (key == kQuickExit) {
            const QUrl url(v.toString(), QUrl::StrictMode);
            const QString scheme = url.scheme();
            if (!v.isString() || v.toString().size() > 500 || !url.isValid() || url.host().isEmpty()
                || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
                return QStringLiteral("The quick exit goes to a web address (https://…)");
            next.quickExitUrl = url.toString(QUrl::FullyEncoded);
        } else if (key == kTimeZone) {
            if (!v.isString() || !QTimeZone::isTimeZoneIdAvailable(v.toString().toUtf8()))
                return QStringLiteral("Unknown time zone “%1”").arg(v.toString().left(64));
            next.timeZone = v.toString();
        } else if (key == kHours) {
            if (QString e = checkHours(v, next.openingHours); !e.isEmpty())
                return e;
        } else if (key == kRetention || key == kMaxChats || key == kMaxWaiting) {
            const int minimum = 1;
            const int maximum = key == kRetention ? 3650 : key == kMaxChats ? 20 : 1000;
            const std::optional<int> n = wholeNumber(v, minimum, maximum);
            if (!n)
                return QStringLiteral("“%1” is a whole number from %2 to %3")
                    .arg(key)
                    .arg(minimum)
                    .arg(maximum);
            (key == kRetention         ? next.retentionDays
                    : key == kMaxChats ? next.maxChatsPerConsultant
                                       : next.maxWaiting)
                = *n;
        } else if (key == kPublicKey) {
            return QStringLiteral("The public key is changed by rotating it");
        } else if (key == kLogo) {
            return QStringLiteral("The logo is changed by uploading a picture");
        } else {
            return QStringLiteral("There is no chat setting called “%1”").arg(key.left(64));
        }
    }
    *this = next;
    return {};
}

bool ChatSettings::isOpenAt(const QDateTime &when) const
{
    if (openingHours.isEmpty())
        return true;
    const QTimeZone zone(timeZone.toUtf8());
    const QDateTime local = when.toTimeZone(zone.isValid() ? zone : QTimeZone::utc());
    const int day = local.date().dayOfWeek();
    const QTime now = local.time();
    for (const QJsonValue &h : openingHours) {
        const QJsonObject o = h.toObject();
        const std::optional<QTime> from = timeOfDay(o.value(QStringLiteral("from")));
        const std::optional<QTime> to = timeOfDay(o.value(QStringLiteral("to")));
        if (o.value(QStringLiteral("day")).toInt() == day && from && to && now >= *from
            && now < *to)
            return true;
    }
    return false;
}

QJsonObject ChatSettings::toJson() const
{
    return {
        {kPublicKey, publicKey},
        {kEnabled, enabled},
        {kOrigins, QJsonArray::fromStringList(allowedOrigins)},
        {kTexts, texts},
        {kQuestions, questions},
        {kTheme, theme},
        {kQuickExit, quickExitUrl},
        {kTimeZone, timeZone},
        {kHours, openingHours},
        {kRetention, retentionDays},
        {kMaxChats, maxChatsPerConsultant},
        {kMaxWaiting, maxWaiting},
        {kLogo, logoJson()},
    };
}

ChatSettings ChatSettings::fromJson(const QJsonObject &o)
{
    ChatSettings s;
    s.publicKey = o.value(kPublicKey).toString();
    s.enabled = o.value(kEnabled).toBool(true);
    for (const QJsonValue &v : o.value(kOrigins).toArray())
        s.allowedOrigins.append(v.toString());
    s.texts = o.value(kTexts).toObject();
    s.questions = o.value(kQuestions).toArray();
    s.theme = o.value(kTheme).toObject();
    s.quickExitUrl = o.value(kQuickExit).toString(s.quickExitUrl);
    s.timeZone = o.value(kTimeZone).toString(s.timeZone);
    s.openingHours = o.value(kHours).toArray();
    s.retentionDays = o.value(kRetention).toInt(s.retentionDays);
    s.maxChatsPerConsultant = o.value(kMaxChats).toInt(s.maxChatsPerConsultant);
    s.maxWaiting = o.value(kMaxWaiting).toInt(s.maxWaiting);
    s.logo = o.value(kLogo).toString();
    return s;
}

QJsonObject ChatSettings::toPublicJson() const
{
    QJsonObject allTexts = defaultTexts();
    for (auto it = texts.begin(); it != texts.end(); ++it)
        allTexts.insert(it.key(), *it);
    QJsonObject allColours = defaultTheme();
    for (auto it = theme.begin(); it != theme.end(); ++it)
        allColours.insert(it.key(), *it);
    return {
        {kTexts, allTexts},
        {kQuestions, questions},
        {kTheme, allColours},
        {kQuickExit, quickExitUrl},
        {kLogo, logoJson()},
    };
}

QJsonValue ChatSettings::logoJson() const
{
    return logo.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(logo);
}

} // namespace Muster
