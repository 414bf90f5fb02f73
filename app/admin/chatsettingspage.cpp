// See chatsettingspage.h.
#include "chatsettingspage.h"

#include "avatarcache.h"
#include "client/connection.h"
#include "common/confirmation.h"
#include "common/errortext.h"
#include "common/pictureupload.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QColorDialog>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace Muster {

namespace {

constexpr int kMaxCanned = 50;

QString textLabel(const QString &name)
{
    static const QHash<QString, QString> labels {
        {QStringLiteral("title"), ChatSettingsPage::tr("Title")},
        {QStringLiteral("welcome"), ChatSettingsPage::tr("Welcome")},
        {QStringLiteral("consent"), ChatSettingsPage::tr("Consent line")},
        {QStringLiteral("waiting"), ChatSettingsPage::tr("While waiting")},
        {QStringLiteral("outOfHours"), ChatSettingsPage::tr("Out of hours")},
        {QStringLiteral("closed"), ChatSettingsPage::tr("When the chat ends")},
    };
    return labels.value(name, name);
}

QString colourLabel(const QString &name)
{
    static const QHash<QString, QString> labels {
        {QStringLiteral("accent"), ChatSettingsPage::tr("Buttons")},
        {QStringLiteral("background"), ChatSettingsPage::tr("Background")},
        {QStringLiteral("text"), ChatSettingsPage::tr("Text")},
        {QStringLiteral("bubble"), ChatSettingsPage::tr("Consultant's messages")},
    };
    return labels.value(name, name);
}

// A question's id from its label, for a new question: "How old are you?" → "how-old-are-you".
QString idFor(const QString &label, const QStringList &taken)
{
    static const QRegularExpression notWord(QStringLiteral("[^a-z0-9]+"));
    QString base = label.toLower().replace(notWord, QStringLiteral("-"));
    base = base.left(32);
    while (base.startsWith(u'-'))
        base.remove(0, 1);
    while (base.endsWith(u'-'))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("question");
    QString id = base;
    for (int n = 2; taken.contains(id); ++n)
        id = base + u'-' + QString::number(n);
    return id;
}

QTableWidget *table(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setMinimumHeight(120);
    return t;
}

// A table with Add and Remove beside it.
QWidget *withButtons(QTableWidget *t, const std::function<void()> &add, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(t, 1);
    auto *column = new QVBoxLayout;
    auto *plus = new QPushButton(ChatSettingsPage::tr("Add"), box);
    plus->setObjectName(t->objectName() + QStringLiteral("Add"));
    auto *minus = new QPushButton(ChatSettingsPage::tr("Remove"), box);
    minus->setObjectName(t->objectName() + QStringLiteral("Remove"));
    QObject::connect(plus, &QPushButton::clicked, box, add);
    QObject::connect(minus, &QPushButton::clicked, box, [t] {
        if (t->currentRow() >= 0)
            t->removeRow(t->currentRow());
    });
    column->addWidget(plus);
    column->addWidget(minus);
    column->addStretch();
    row->addLayout(column);
    return box;
}

} // namespace

ChatSettingsPage::ChatSettingsPage(Connection &connection, QWidget *parent)
    : AdminPage(connection, parent)
    , m_chat(&connection)
    , m_enabled(new QCheckBox(tr("Clients can reach us through the anteroom"), this))
    , m_address(new QLineEdit(this))
    , m_embed(new QPlainTextEdit(this))
    , m_rotate(new QPushButton(tr("New address…"), this))
    , m_origins(new QPlainTextEdit(this))
    , m_questions(table({tr("Question"), tr("Required")}, QStringLiteral("questions"), this))
    , m_quickExit(new QLineEdit(this))
    , m_timeZone(new QComboBox(this))
    , m_hours(table({tr("Day"), tr("From"), tr("To")}, QStringLiteral("hours"), this))
    , m_retention(new QSpinBox(this))
    , m_perConsultant(new QSpinBox(this))
    , m_maxWaiting(new QSpinBox(this))
    , m_canned(table({tr("Title"), tr("Reply")}, QStringLiteral("canned"), this))
    , m_logo(new QLabel(this))
    , m_chooseLogo(new QPushButton(tr("Logo…"), this))
    , m_removeLogo(new QPushButton(tr("Remove logo"), this))
    , m_network(new QNetworkAccessManager(this))
    , m_save(new QPushButton(tr("Save"), this))
{
    setObjectName(QStringLiteral("chatSettingsPage"));
    m_enabled->setObjectName(QStringLiteral("enabled"));
    m_address->setObjectName(QStringLiteral("address"));
    m_address->setReadOnly(true);
    m_embed->setObjectName(QStringLiteral("embed"));
    m_embed->setReadOnly(true);
    m_embed->setMaximumHeight(m_embed->fontMetrics().lineSpacing() * 4 + 12);
    m_rotate->setObjectName(QStringLiteral("rotateKey"));
    m_rotate->setToolTip(tr("Every page that embeds the old address stops working"));
    m_origins->setObjectName(QStringLiteral("origins"));
    m_origins->setPlaceholderText(tr("https://help.example.org — one site a line"));
    m_origins->setMaximumHeight(m_origins->fontMetrics().lineSpacing() * 5 + 12);
    m_quickExit->setObjectName(QStringLiteral("quickExit"));
    m_timeZone->setObjectName(QStringLiteral("timeZone"));
    m_timeZone->setEditable(true);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromLatin1(id));
    m_retention->setObjectName(QStringLiteral("retention"));
    m_retention->setRange(1, 3650);
    m_retention->setSuffix(tr(" days"));
    m_perConsultant->setObjectName(QStringLiteral("perConsultant"));
    m_perConsultant->setRange(1, 20);
    m_maxWaiting->setObjectName(QStringLiteral("maxWaiting"));
    m_maxWaiting->setRange(1, 1000);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setDefault(true);
    m_questions->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_canned->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_canned->setWordWrap(true);

    auto *form = new QWidget(this);
    auto *sections = new QVBoxLayout(form);

    auto *where = new QGroupBox(tr("Where clients find us"), form);
    auto *whereForm = new QFormLayout(where);
    whereForm->addRow(m_enabled);
    auto *addressRow = new QHBoxLayout;
    addressRow->addWidget(m_address, 1);
    auto *copy = new QPushButton(tr("Copy snippet"), where);
    connect(copy, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(embedSnippet()); });
    copy->setToolTip(tr("Copy the snippet for your web site"));
    addressRow->addWidget(copy);
    addressRow->addWidget(m_rotate);
    whereForm->addRow(tr("Address:"), addressRow);
    whereForm->addRow(tr("For your site:"), m_embed);
    whereForm->addRow(tr("Sites that may show it:"), m_origins);
    whereForm->addRow(tr("Quick exit goes to:"), m_quickExit);
    sections->addWidget(where);

    auto *says = new QGroupBox(tr("What the page says"), form);
    auto *saysForm = new QFormLayout(says);
    for (const QString &name : ChatSettings::textNames()) {
        QWidget *field = nullptr;
        if (name == QLatin1String("title")) {
            auto *line = new QLineEdit(says);
            line->setMaxLength(ChatSettings::kMaxText);
            field = line;
        } else {
            auto *text = new QPlainTextEdit(says);
            text->setTabChangesFocus(true);
            text->setMaximumHeight(text->fontMetrics().lineSpacing() * 3 + 12);
            field = text;
        }
        field->setObjectName(QStringLiteral("text-") + name);
        m_texts.insert(name, field);
        saysForm->addRow(textLabel(name) + u':', field);
    }
    sections->addWidget(says);

    auto *asks = new QGroupBox(tr("What the intake asks (besides a name and a topic)"), form);
    auto *asksLayout = new QVBoxLayout(asks);
    asksLayout->addWidget(withButtons(
        m_questions, [this] { addQuestion({}, tr("New question"), false); }, asks));
    sections->addWidget(asks);

    auto *looks = new QGroupBox(tr("How it looks"), form);
    auto *looksForm = new QFormLayout(looks);
    auto *looksRow = new QHBoxLayout;
    for (const QString &name : ChatSettings::colourNames()) {
        auto *button = new QPushButton(colourLabel(name), looks);
        button->setObjectName(QStringLiteral("colour-") + name);
        connect(button, &QPushButton::clicked, this, [this, name, button] {
            const QColor chosen = QColorDialog::getColor(
                QColor(button->property("colour").toString()), this, colourLabel(name));
            if (chosen.isValid())
                setColour(name, chosen.name());
        });
        m_colours.insert(name, button);
        looksRow->addWidget(button);
    }
    looksRow->addStretch();
    looksForm->addRow(tr("Colours:"), looksRow);
    m_logo->setObjectName(QStringLiteral("logoPreview"));
    // The page shows the logo at most 40 pixels high: so does the preview.
    m_logo->setFixedHeight(48);
    m_logo->setMinimumWidth(160);
    m_logo->setFrameShape(QFrame::StyledPanel);
    m_logo->setAlignment(Qt::AlignCenter);
    m_chooseLogo->setObjectName(QStringLiteral("chooseLogo"));
    m_chooseLogo->setToolTip(tr("A PNG or JPEG picture, shown beside the page's title"));
    m_removeLogo->setObjectName(QStringLiteral("removeLogo"));
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logo);
    logoRow->addWidget(m_chooseLogo);
    logoRow->addWidget(m_removeLogo);
    logoRow->addStretch();
    looksForm->addRow(tr("Logo:"), logoRow);
    sections->addWidget(looks);

    auto *when = new QGroupBox(tr("When it is open (no hours: always)"), form);
    auto *whenForm = new QFormLayout(when);
    whenForm->addRow(tr("Time zone:"), m_timeZone);
    whenForm->addRow(withButtons(
        m_hours, [this] { addHours(1, QStringLiteral("09:00"), QStringLiteral("17:00")); }, when));
    sections->addWidget(when);

    auto *queue = new QGroupBox(tr("The queue"), form);
    auto *queueForm = new QFormLayout(queue);
    queueForm->addRow(tr("Chats one consultant holds at once:"), m_perConsultant);
    queueForm->addRow(tr("Clients who may wait at once:"), m_maxWaiting);
    queueForm->addRow(tr("Ended chats are deleted after:"), m_retention);
    sections->addWidget(queue);

    auto *canned = new QGroupBox(tr("Canned replies consultants can put in a message"), form);
    auto *cannedLayout = new QVBoxLayout(canned);
    cannedLayout->addWidget(withButtons(
        m_canned, [this] { addCanned(tr("New reply"), {}); }, canned));
    sections->addWidget(canned);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    content()->addWidget(scroll, 1);
    auto *buttons = new QHBoxLayout;
    auto *revert = new QPushButton(tr("Undo changes"), this);
    revert->setObjectName(QStringLiteral("revert"));
    buttons->addStretch();
    buttons->addWidget(revert);
    buttons->addWidget(m_save);
    content()->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &ChatSettingsPage::save);
    connect(revert, &QPushButton::clicked, this, &ChatSettingsPage::reload);
    connect(m_rotate, &QPushButton::clicked, this, &ChatSettingsPage::rotateKey);
    connect(m_chooseLogo, &QPushButton::clicked, this, &ChatSettingsPage::chooseLogo);
    connect(m_removeLogo, &QPushButton::clicked, this, &ChatSettingsPage::removeLogo);
    connect(this, &AdminPage::busyChanged, this, [this](bool busy) {
        m_save->setEnabled(!busy);
        m_rotate->setEnabled(!busy);
        m_chooseLogo->setEnabled(!busy);
        m_removeLogo->setEnabled(!busy && !m_saved.logo.isEmpty());
    });
    connect(&connection, &Connection::signedIn, this, &ChatSettingsPage::reload);
    if (connection.state() == Connection::State::Ready)
        reload();
}

QString ChatSettingsPage::anteroomUrl() const
{
    if (m_saved.publicKey.isEmpty())
        return {};
    QUrl url = AvatarCache::httpBaseFor(connection().url());
    url.setPath(QStringLiteral("/anteroom/") + m_saved.publicKey);
    return url.toString();
}

QString ChatSettingsPage::embedSnippet() const
{
    const QString title = m_saved.texts.value(QStringLiteral("title")).toString();
    return QStringLiteral(
        "<iframe src=\"%1\" title=\"%2\" style=\"width:100%;height:640px;border:0\"></iframe>")
        .arg(anteroomUrl(), (title.isEmpty() ? tr("Chat with us") : title).toHtmlEscaped());
}

void ChatSettingsPage::reload()
{
    run(m_chat.settings(), [this](const QJsonValue &result) {
        show(ChatSettings::fromJson(result[QStringLiteral("settings")].toObject()));
        run(m_chat.cannedReplies(), [this](const QJsonValue &replies) {
            showCanned(replies[QStringLiteral("replies")].toArray());
            m_loaded = true;
            Q_EMIT loaded();
        });
    });
}

void ChatSettingsPage::show(const ChatSettings &s)
{
    m_saved = s;
    m_enabled->setChecked(s.enabled);
    m_address->setText(anteroomUrl());
    m_embed->setPlainText(embedSnippet());
    m_origins->setPlainText(s.allowedOrigins.join(u'\n'));
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it) {
        const QString text = s.texts.value(it.key()).toString();
        if (auto *line = qobject_cast<QLineEdit *>(it.value()))
            line->setText(text);
        else if (auto *box = qobject_cast<QPlainTextEdit *>(it.value()))
            box->setPlainText(text);
        // Empty means the default text: shown as the hint of what clients will read.
        const QString fallback = ChatSettings::defaultTexts().value(it.key()).toString();
        if (auto *line = qobject_cast<QLineEdit *>(it.value()))
            line->setPlaceholderText(fallback);
        else if (auto *box = qobject_cast<QPlainTextEdit *>(it.value()))
            box->setPlaceholderText(fallback);
    }
    m_questions->setRowCount(0);
    for (const QJsonValue &v : s.questions) {
        const QJsonObject q = v.toObject();
        addQuestion(q.value(QStringLiteral("id")).toString(),
            q.value(QStringLiteral("label")).toString(),
            q.value(QStringLiteral("required")).toBool());
    }
    const QJsonObject theme = ChatSettings::defaultTheme();
    for (const QString &name : ChatSettings::colourNames())
        setColour(name, s.theme.value(name).toString(theme.value(name).toString()));
    m_quickExit->setText(s.quickExitUrl);
    m_timeZone->setCurrentText(s.timeZone);
    m_hours->setRowCount(0);
    for (const QJsonValue &v : s.openingHours) {
        const QJsonObject h = v.toObject();
        addHours(h.value(QStringLiteral("day")).toInt(), h.value(QStringLiteral("from")).toString(),
            h.value(QStringLiteral("to")).toString());
    }
    m_retention->setValue(s.retentionDays);
    m_perConsultant->setValue(s.maxChatsPerConsultant);
    m_maxWaiting->setValue(s.maxWaiting);
    m_removeLogo->setEnabled(!s.logo.isEmpty());
    if (s.logo.isEmpty())
        showLogo({}, {});
    else if (s.logo != m_logoSha)
        fetchLogo(s.logo);
}

void ChatSettingsPage::showCanned(const QJsonArray &replies)
{
    m_canned->setRowCount(0);
    for (const QJsonValue &v : replies) {
        addCanned(v[QStringLiteral("title")].toString(), v[QStringLiteral("body")].toString());
    }
}

void ChatSettingsPage::addQuestion(const QString &id, const QString &label, bool required)
{
    const int row = m_questions->rowCount();
    m_questions->insertRow(row);
    auto *text = new QTableWidgetItem(label);
    text->setData(Qt::UserRole, id);
    m_questions->setItem(row, 0, text);
    auto *mandatory = new QTableWidgetItem;
    mandatory->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    mandatory->setCheckState(required ? Qt::Checked : Qt::Unchecked);
    m_questions->setItem(row, 1, mandatory);
}

void ChatSettingsPage::addHours(int day, const QString &from, const QString &to)
{
    const int row = m_hours->rowCount();
    m_hours->insertRow(row);
    auto *days = new QComboBox(m_hours);
    for (int d = 1; d <= 7; ++d)
        days->addItem(QLocale().dayName(d), d);
    days->setCurrentIndex(std::clamp(day, 1, 7) - 1);
    m_hours->setCellWidget(row, 0, days);
    for (int column : {1, 2}) {
        auto *time = new QTimeEdit(
            QTime::fromString(column == 1 ? from : to, QStringLiteral("HH:mm")), m_hours);
        time->setDisplayFormat(QStringLiteral("HH:mm"));
        m_hours->setCellWidget(row, column, time);
    }
}

void ChatSettingsPage::addCanned(const QString &title, const QString &body)
{
    const int row = m_canned->rowCount();
    m_canned->insertRow(row);
    m_canned->setItem(row, 0, new QTableWidgetItem(title));
    m_canned->setItem(row, 1, new QTableWidgetItem(body));
}

void ChatSettingsPage::setColour(const QString &name, const QString &colour)
{
    QPushButton *button = m_colours.value(name);
    if (!button)
        return;
    button->setProperty("colour", colour);
    QPixmap swatch(16, 16);
    swatch.fill(QColor(colour));
    button->setIcon(QIcon(swatch));
    button->setToolTip(colour);
    // The logo is previewed on the page's own background, as clients will see it.
    if (name == QLatin1String("background")) {
        QPalette palette = m_logo->palette();
        palette.setColor(QPalette::Window, QColor(colour));
        m_logo->setPalette(palette);
        m_logo->setAutoFillBackground(true);
    }
}

QJsonObject ChatSettingsPage::changes(QString *problem) const
{
    QJsonObject settings;
    settings.insert(QStringLiteral("enabled"), m_enabled->isChecked());
    QJsonArray origins;
    for (const QString &line : m_origins->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty())
            origins.append(line.trimmed());
    }
    settings.insert(QStringLiteral("allowedOrigins"), origins);
    QJsonObject texts;
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it) {
        QString text;
        if (auto *line = qobject_cast<QLineEdit *>(it.value()))
            text = line->text();
        else if (auto *box = qobject_cast<QPlainTextEdit *>(it.value()))
            text = box->toPlainText();
        if (!text.trimmed().isEmpty())
            texts.insert(it.key(), text.trimmed());
    }
    settings.insert(QStringLiteral("texts"), texts);
    QJsonArray questions;
    QStringList ids;
    for (int row = 0; row < m_questions->rowCount(); ++row)
        ids << m_questions->item(row, 0)->data(Qt::UserRole).toString();
    for (int row = 0; row < m_questions->rowCount(); ++row) {
        const QString label = m_questions->item(row, 0)->text().trimmed();
        if (label.isEmpty())
            continue;
        QString id = ids.at(row);
        if (id.isEmpty()) {
            id = idFor(label, ids);
            ids[row] = id;
        }
        questions.append(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("label"), label},
            {QStringLiteral("required"), m_questions->item(row, 1)->checkState() == Qt::Checked}});
    }
    settings.insert(QStringLiteral("questions"), questions);
    QJsonObject theme;
    for (auto it = m_colours.cbegin(); it != m_colours.cend(); ++it)
        theme.insert(it.key(), it.value()->property("colour").toString());
    settings.insert(QStringLiteral("theme"), theme);
    settings.insert(QStringLiteral("quickExitUrl"), m_quickExit->text().trimmed());
    settings.insert(QStringLiteral("timeZone"), m_timeZone->currentText().trimmed());
    QJsonArray hours;
    for (int row = 0; row < m_hours->rowCount(); ++row) {
        const auto *day = qobject_cast<QComboBox *>(m_hours->cellWidget(row, 0));
        const auto *from = qobject_cast<QTimeEdit *>(m_hours->cellWidget(row, 1));
        const auto *to = qobject_cast<QTimeEdit *>(m_hours->cellWidget(row, 2));
        hours.append(QJsonObject {{QStringLiteral("day"), day->currentData().toInt()},
            {QStringLiteral("from"), from->time().toString(QStringLiteral("HH:mm"))},
            {QStringLiteral("to"), to->time().toString(QStringLiteral("HH:mm"))}});
    }
    settings.insert(QStringLiteral("openingHours"), hours);
    settings.insert(QStringLiteral("retentionDays"), m_retention->value());
    settings.insert(QStringLiteral("maxChatsPerConsultant"), m_perConsultant->value());
    settings.insert(QStringLiteral("maxWaiting"), m_maxWaiting->value());

    // The server's own rules, here first: a problem is said before anything is sent.
    ChatSettings check = m_saved;
    const QString wrong = check.apply(settings);
    if (problem)
        *problem = wrong;
    return wrong.isEmpty() ? settings : QJsonObject();
}

QJsonArray ChatSettingsPage::cannedReplies() const
{
    QJsonArray replies;
    for (int row = 0; row < m_canned->rowCount() && replies.size() < kMaxCanned; ++row) {
        const QString title
            = m_canned->item(row, 0) ? m_canned->item(row, 0)->text().trimmed() : QString();
        const QString body
            = m_canned->item(row, 1) ? m_canned->item(row, 1)->text().trimmed() : QString();
        if (title.isEmpty() && body.isEmpty())
            continue;
        replies.append(
            QJsonObject {{QStringLiteral("title"), title}, {QStringLiteral("body"), body}});
    }
    return replies;
}

void ChatSettingsPage::save()
{
    QString problem;
    const QJsonObject settings = changes(&problem);
    if (!problem.isEmpty())
        return showMessage(u"⚠ " + problem);
    const QJsonArray replies = cannedReplies();
    run(m_chat.updateSettings(settings), [this, replies](const QJsonValue &result) {
        show(ChatSettings::fromJson(result[QStringLiteral("settings")].toObject()));
        run(m_chat.setCannedReplies(replies), [this](const QJsonValue &answer) {
            showCanned(answer[QStringLiteral("replies")].toArray());
            showMessage(
                tr("Saved. The anteroom shows the changes to the next client who opens it."));
            Q_EMIT savedChanged();
        });
    });
}

void ChatSettingsPage::rotateKey()
{
    askToConfirm(this, QStringLiteral("confirmRotate"), tr("Give the anteroom a new address?"),
        tr("Every page that embeds the current address stops working at once: use this when the "
           "address has been copied where it should not be. Your site then needs the new "
           "snippet."),
        tr("New address"), [this] {
            run(m_chat.rotateKey(), [this](const QJsonValue &result) {
                show(ChatSettings::fromJson(result[QStringLiteral("settings")].toObject()));
                showMessage(
                    tr("The anteroom has a new address. Put the new snippet on your site."));
                Q_EMIT savedChanged();
            });
        });
}

QImage ChatSettingsPage::fittedLogo(const QImage &image, QString *problem)
{
    QImage fitted = image;
    if (image.width() > kLogoBox.width() || image.height() > kLogoBox.height())
        fitted = image.scaled(kLogoBox, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // The server's rule (UploadedPicture::kMinSide): a sliver would be unreadable anyway.
    if (fitted.width() < 16 || fitted.height() < 16) {
        if (problem)
            *problem = tr("That picture is too small or too thin to be a logo: it needs at least "
                          "16 pixels each way once it fits %1 × %2.")
                           .arg(kLogoBox.width())
                           .arg(kLogoBox.height());
        return {};
    }
    return fitted;
}

void ChatSettingsPage::chooseLogo()
{
    QString error;
    const QImage image = PictureUpload::choose(this, tr("Choose the anteroom's logo"), &error);
    if (!image.isNull())
        uploadLogo(image);
    else if (!error.isEmpty())
        showMessage(u"⚠ " + error);
}

void ChatSettingsPage::uploadLogo(const QImage &image)
{
    QString problem;
    const QImage logo = fittedLogo(image, &problem);
    if (logo.isNull())
        return showMessage(u"⚠ " + problem);
    const QByteArray bytes = PictureUpload::encode(logo);
    sendLogo(QString::fromLatin1(bytes.toBase64()), bytes);
}

void ChatSettingsPage::removeLogo()
{
    sendLogo({}, {});
}

void ChatSettingsPage::sendLogo(const QString &base64, const QByteArray &bytes)
{
    run(m_chat.setLogo(base64), [this, bytes](const QJsonValue &result) {
        const ChatSettings settings
            = ChatSettings::fromJson(result[QStringLiteral("settings")].toObject());
        // The server answers with the saved settings; the form may hold unsaved edits, so
        // only the logo is taken from it.
        m_saved.logo = settings.logo;
        m_removeLogo->setEnabled(!settings.logo.isEmpty());
        showLogo(settings.logo, bytes); // what we sent is what it stores: no download
        showMessage(settings.logo.isEmpty()
                ? tr("The anteroom no longer shows a logo.")
                : tr("The logo is on the anteroom for the next client who opens it."));
        Q_EMIT savedChanged();
    });
}

void ChatSettingsPage::showLogo(const QString &sha256, const QByteArray &bytes)
{
    m_logoSha = sha256;
    m_logoImage = sha256.isEmpty() ? QImage() : QImage::fromData(bytes);
    if (m_logoImage.isNull()) {
        m_logo->setPixmap({});
        m_logo->setText(sha256.isEmpty() ? tr("No logo")
                : bytes.isEmpty()        ? tr("Loading…")
                                         : tr("Logo set (not shown here)"));
    } else {
        const qreal ratio = m_logo->devicePixelRatioF();
        QPixmap shown
            = QPixmap::fromImage(m_logoImage.scaled(QSize(m_logo->minimumWidth(), 40) * ratio,
                Qt::KeepAspectRatio, Qt::SmoothTransformation));
        shown.setDevicePixelRatio(ratio);
        m_logo->setPixmap(shown);
        Q_EMIT logoShown();
    }
}

void ChatSettingsPage::fetchLogo(const QString &sha256)
{
    showLogo(sha256, {});
    QNetworkRequest request(QUrl(anteroomUrl() + QStringLiteral("/logo")));
    request.setTransferTimeout(15000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > PictureUpload::kMaxBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, sha256] {
        reply->deleteLater();
        // A newer logo (or none) may have been set meanwhile: that one is shown, not this.
        if (m_logoSha != sha256)
            return;
        if (reply->error() != QNetworkReply::NoError) {
            m_logo->setText(tr("Logo set (not shown here)"));
            return;
        }
        showLogo(sha256, reply->readAll());
    });
}

} // namespace Muster
