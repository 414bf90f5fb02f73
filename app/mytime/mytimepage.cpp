// See mytimepage.h.
#include "mytimepage.h"

#include "client/connection.h"
#include "common/errortext.h"
#include "common/layouts.h"
#include "common/zonedtime.h"
#include "domain/role.h"
#include "telegrambox.h"
#include "util/clocktext.h"
#include "util/durationtext.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Muster {

namespace {

constexpr int kEarlierNotices = 8; // acknowledged ones shown under the waiting ones

// A figure: a small caption over a large number.
QLabel *figureLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QWidget *figureBox(const QString &caption, QLabel *value, QWidget *parent)
{
    auto *box = new QFrame(parent);
    box->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(box);
    auto *label = new QLabel(caption, box);
    label->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(label);
    layout->addWidget(value);
    return box;
}

} // namespace

MyTimePage::MyTimePage(Connection &connection, NotificationListModel &notices, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_timeclock(&connection)
    , m_correctionsClient(&connection)
    , m_notices(notices)
    , m_event(new QLabel(this))
    , m_shift(new QLabel(this))
    , m_team(new QComboBox(this))
    , m_clockIn(new QPushButton(tr("Clock &in"), this))
    , m_clockOut(new QPushButton(tr("Clock &out"), this))
    , m_shiftMessage(new QLabel(this))
    , m_today(figureLabel(QStringLiteral("today"), this))
    , m_worked(figureLabel(QStringLiteral("worked"), this))
    , m_earned(figureLabel(QStringLiteral("earned"), this))
    , m_shifts(figureLabel(QStringLiteral("shifts"), this))
    , m_rewardsBox(new QGroupBox(tr("Rewards"), this))
    , m_rewardRows(new QVBoxLayout)
    , m_noticesBox(new QGroupBox(tr("Notices"), this))
    , m_noticeRows(new QVBoxLayout)
    , m_pin(new QLineEdit(this))
    , m_pinAgain(new QLineEdit(this))
    , m_setPin(new QPushButton(tr("Set &PIN"), this))
    , m_removePin(new QPushButton(tr("Remove PIN"), this))
    , m_quickCodeButton(new QPushButton(tr("Show a &quick code"), this))
    , m_quickCode(new QLabel(this))
    , m_quickCodeLeft(new QProgressBar(this))
    , m_kioskMessage(new QLabel(this))
{
    // Notices first: one that waits for me matters more than anything below it.
    m_noticesBox->setObjectName(QStringLiteral("notices"));
    m_noticesBox->setLayout(m_noticeRows);

    // The shift under way.
    auto *shiftBox = new QGroupBox(tr("This shift"), this);
    m_event->setObjectName(QStringLiteral("event"));
    m_event->setForegroundRole(QPalette::PlaceholderText);
    m_shift->setObjectName(QStringLiteral("shift"));
    m_shift->setWordWrap(true);
    QFont shiftFont = m_shift->font();
    shiftFont.setPointSizeF(shiftFont.pointSizeF() * 1.25);
    m_shift->setFont(shiftFont);
    m_team->setObjectName(QStringLiteral("team"));
    m_team->setModel(&m_teams);
    m_team->setMinimumContentsLength(16);
    m_team->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_clockIn->setObjectName(QStringLiteral("clockIn"));
    m_clockOut->setObjectName(QStringLiteral("clockOut"));
    m_shiftMessage->setObjectName(QStringLiteral("shiftMessage"));
    m_shiftMessage->setWordWrap(true);
    m_shiftMessage->hide();
    auto *clockRow = new QHBoxLayout;
    clockRow->addWidget(m_team);
    clockRow->addWidget(m_clockIn);
    clockRow->addWidget(m_clockOut);
    clockRow->addStretch();
    auto *shiftLayout = new QVBoxLayout(shiftBox);
    shiftLayout->addWidget(m_event);
    shiftLayout->addWidget(m_shift);
    shiftLayout->addLayout(clockRow);
    shiftLayout->addWidget(m_shiftMessage);

    // The figures.
    auto *figures = new QHBoxLayout;
    figures->addWidget(figureBox(tr("Today"), m_today, this));
    figures->addWidget(figureBox(tr("Worked this event"), m_worked, this));
    figures->addWidget(figureBox(tr("Earned, with bonuses"), m_earned, this));
    figures->addWidget(figureBox(tr("Shifts"), m_shifts, this));

    m_rewardsBox->setObjectName(QStringLiteral("rewards"));
    m_rewardsBox->setLayout(m_rewardRows);

    // What a kiosk asks for.
    auto *kioskBox = new QGroupBox(tr("At a kiosk"), this);
    const auto *digits
        = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), this);
    for (QLineEdit *field : {m_pin, m_pinAgain}) {
        field->setEchoMode(QLineEdit::Password);
        field->setValidator(digits);
        field->setMaxLength(8);
        field->setMaximumWidth(field->fontMetrics().horizontalAdvance(u'0') * 14);
    }
    m_pin->setObjectName(QStringLiteral("pin"));
    m_pinAgain->setObjectName(QStringLiteral("pinAgain"));
    m_pin->setPlaceholderText(tr("4 to 8 digits"));
    m_pinAgain->setPlaceholderText(tr("once more"));
    m_setPin->setObjectName(QStringLiteral("setPin"));
    m_removePin->setObjectName(QStringLiteral("removePin"));
    auto *pinRow = new QHBoxLayout;
    pinRow->addWidget(m_pin);
    pinRow->addWidget(m_pinAgain);
    pinRow->addWidget(m_setPin);
    pinRow->addWidget(m_removePin);
    pinRow->addStretch();
    m_quickCodeButton->setObjectName(QStringLiteral("showQuickCode"));
    m_quickCode->setObjectName(QStringLiteral("quickCode"));
    QFont codeFont = m_quickCode->font();
    codeFont.setFamily(QStringLiteral("monospace"));
    codeFont.setStyleHint(QFont::Monospace);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 3.5);
    codeFont.setBold(true);
    codeFont.setLetterSpacing(QFont::AbsoluteSpacing, 8);
    m_quickCode->setFont(codeFont);
    m_quickCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_quickCode->hide();
    m_quickCodeLeft->setObjectName(QStringLiteral("quickCodeLeft"));
    m_quickCodeLeft->setTextVisible(true);
    m_quickCodeLeft->setMaximumWidth(m_quickCode->fontMetrics().horizontalAdvance(u'W') * 6);
    m_quickCodeLeft->hide();
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_quickCodeButton, 0, Qt::AlignVCenter);
    auto *codeColumn = new QVBoxLayout;
    codeColumn->addWidget(m_quickCode);
    codeColumn->addWidget(m_quickCodeLeft);
    codeRow->addLayout(codeColumn);
    codeRow->addStretch();
    m_kioskMessage->setObjectName(QStringLiteral("kioskMessage"));
    m_kioskMessage->setWordWrap(true);
    m_kioskMessage->hide();
    auto *kioskForm = new QFormLayout(kioskBox);
    kioskForm->addRow(tr("Kiosk PIN (twice):"), pinRow);
    kioskForm->addRow(tr("Quick code:"), codeRow);
    kioskForm->addRow(m_kioskMessage);

    auto *content = new QWidget(this);
    auto *column = new QVBoxLayout(content);
    column->addWidget(m_noticesBox);
    column->addWidget(shiftBox);
    column->addLayout(figures);
    column->addWidget(m_rewardsBox);
    column->addWidget(kioskBox);
    column->addWidget(new TelegramBox(connection, content));
    column->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_clockIn, &QPushButton::clicked, this,
        [this] { clockIn(m_teams.idAt(m_team->currentIndex())); });
    connect(m_clockOut, &QPushButton::clicked, this, &MyTimePage::clockOut);
    connect(m_setPin, &QPushButton::clicked, this,
        [this] { setPin(m_pin->text(), m_pinAgain->text()); });
    connect(m_pinAgain, &QLineEdit::returnPressed, m_setPin, &QPushButton::click);
    connect(m_removePin, &QPushButton::clicked, this, &MyTimePage::removePin);
    connect(m_quickCodeButton, &QPushButton::clicked, this, &MyTimePage::showQuickCode);

    connect(&m_totals, &MyTotals::changed, this, &MyTimePage::refreshShift);
    connect(&m_events, &EventListModel::activeEventChanged, this, &MyTimePage::refreshShift);
    // The question of a stopped shift is asked in the event's time zone, known once it loads;
    // asked again only when that changes, not to take the edit from under someone typing.
    connect(&m_events, &EventListModel::activeEventChanged, this, [this] {
        const Event *event = m_events.activeEvent();
        if ((event ? event->timeZone : QString()) != m_questionZone)
            rebuildNotices();
    });
    connect(&m_teams, &QAbstractItemModel::modelReset, this, &MyTimePage::refreshShift);
    for (QAbstractItemModel *model :
        std::initializer_list<QAbstractItemModel *> {&m_entries, &m_bonuses}) {
        connect(model, &QAbstractItemModel::modelReset, this, &MyTimePage::refreshFigures);
        connect(model, &QAbstractItemModel::rowsInserted, this, &MyTimePage::refreshFigures);
        connect(model, &QAbstractItemModel::dataChanged, this, &MyTimePage::refreshFigures);
    }
    connect(&m_rewards, &QAbstractItemModel::modelReset, this, &MyTimePage::rebuildRewards);
    connect(&m_bonuses, &QAbstractItemModel::modelReset, this, &MyTimePage::rebuildRewards);
    connect(&m_totals, &MyTotals::changed, this, &MyTimePage::rebuildRewards);
    connect(&m_notices, &QAbstractItemModel::modelReset, this, &MyTimePage::rebuildNotices);
    connect(&m_notices, &QAbstractItemModel::rowsInserted, this, &MyTimePage::rebuildNotices);
    connect(&m_notices, &QAbstractItemModel::dataChanged, this, &MyTimePage::rebuildNotices);
    connect(&m_notices, &QAbstractItemModel::rowsMoved, this, &MyTimePage::rebuildNotices);
    connect(&m_corrections, &QAbstractItemModel::modelReset, this, &MyTimePage::rebuildNotices);
    connect(&m_corrections, &QAbstractItemModel::layoutChanged, this, &MyTimePage::rebuildNotices);
    connect(&m_connection, &Connection::userChanged, this, &MyTimePage::refreshShift);

    m_tick.setInterval(std::chrono::seconds(15));
    connect(&m_tick, &QTimer::timeout, this, &MyTimePage::refreshShift);
    m_tick.start();
    m_codeTick.setInterval(std::chrono::seconds(1));
    connect(&m_codeTick, &QTimer::timeout, this, &MyTimePage::tickQuickCode);

    m_teams.setOfferedOnly(true);
    m_events.setConnection(&m_connection);
    m_totals.setConnection(&m_connection);
    m_entries.setConnection(&m_connection);
    m_rewards.setConnection(&m_connection);
    m_bonuses.setConnection(&m_connection);
    m_teams.setConnection(&m_connection);
    m_corrections.setConnection(&m_connection);
    refreshShift();
    rebuildRewards();
    rebuildNotices();
}

bool MyTimePage::deskClocking() const
{
    const Role role = roleFromName(m_connection.user().value(QStringLiteral("role")).toString())
                          .value_or(Role::Banned);
    return roleAtLeast(role, Role::Staff);
}

bool MyTimePage::mayUseQuickCode() const
{
    const Role role = roleFromName(m_connection.user().value(QStringLiteral("role")).toString())
                          .value_or(Role::Banned);
    return !roleAtLeast(role, Role::Lead);
}

qint64 MyTimePage::earnedNow(const QDateTime &now) const
{
    const TimeTotals &t = m_totals.totals();
    if (!t.ongoing)
        return t.earnedSeconds;
    // The server counted the ongoing shift up to the moment it answered; count it again up to now.
    const qint64 counted = t.ongoing->earnedSeconds;
    const qint64 live = m_bonuses.earnedSeconds(
        t.ongoing->teamId.toString(QUuid::WithoutBraces), t.ongoing->start, now);
    return t.earnedSeconds - counted + std::max(counted, live);
}

void MyTimePage::refreshShift()
{
    const Event *event = m_events.activeEvent();
    m_event->setText(event ? tr("Event: %1").arg(event->name)
                           : tr("No event is running: there is no time to clock."));
    const bool onShift = m_totals.onShift();
    const bool desk = deskClocking();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (onShift) {
        m_shift->setText(
            tr("On shift for %1 since %2 — %3")
                .arg(m_totals.shiftTeamName(), clockText(m_totals.shiftStart().toLocalTime()),
                    durationText(m_totals.shiftStart().secsTo(now))));
    } else if (!m_totals.isLoaded()) {
        m_shift->setText(tr("Loading your time…"));
    } else {
        m_shift->setText(tr("Not on shift."));
    }
    // A team chosen before the button is judged: the first one until someone picks another.
    if (m_team->currentIndex() < 0 && m_teams.rowCount() > 0)
        m_team->setCurrentIndex(0);
    m_team->setVisible(desk && !onShift && event);
    m_clockIn->setVisible(desk && !onShift && event);
    m_clockOut->setVisible(desk && onShift);
    m_clockIn->setEnabled(!m_busy && m_team->currentIndex() >= 0);
    m_clockOut->setEnabled(!m_busy);
    if (!desk && event)
        showShiftMessage(onShift ? tr("Clock out at a kiosk when you leave.")
                                 : tr("Clock in at a kiosk with your badge."));
    m_quickCodeButton->setEnabled(mayUseQuickCode());
    m_quickCodeButton->setToolTip(mayUseQuickCode()
            ? QString()
            : tr("Leads and above sign in at kiosks with their PIN, not a quick code."));
    refreshFigures();
}

void MyTimePage::refreshFigures()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Event *event = m_events.activeEvent();
    const TimeTotals &t = m_totals.totals();
    qint64 worked = t.workedSeconds;
    if (t.ongoing)
        worked += std::max<qint64>(0, t.ongoing->start.secsTo(now) - t.ongoing->workedSeconds);
    const qint64 today
        = m_entries.workedBetween(event ? event->dayStart(now) : now.addDays(-1), now);
    const bool loaded = m_totals.isLoaded();
    m_today->setText(loaded ? durationText(today) : QStringLiteral("…"));
    m_worked->setText(loaded ? durationText(worked) : QStringLiteral("…"));
    m_earned->setText(loaded ? durationText(earnedNow(now)) : QStringLiteral("…"));
    m_shifts->setText(
        loaded ? QLocale().toString(t.entries + (t.ongoing ? 1 : 0)) : QStringLiteral("…"));
}

QString MyTimePage::figure(const QString &name) const
{
    if (name == QLatin1String("this shift"))
        return m_shift->text();
    if (name == QLatin1String("today"))
        return m_today->text();
    if (name == QLatin1String("worked"))
        return m_worked->text();
    if (name == QLatin1String("earned"))
        return m_earned->text();
    if (name == QLatin1String("shifts"))
        return m_shifts->text();
    return {};
}

void MyTimePage::rebuildRewards()
{
    clearLayout(m_rewardRows);
    const int count = m_rewards.rowCount();
    m_rewardsBox->setVisible(count > 0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const double earnedHours = double(earnedNow(now)) / 3600.0;
    const double multiplier
        = m_totals.onShift() ? m_bonuses.multiplierAt(m_totals.shiftTeamId(), now) : 1.0;
    const QString next = m_rewards.nextRewardName();
    for (int row = 0; row < count; ++row) {
        const QModelIndex i = m_rewards.index(row);
        const QString name = i.data(RewardListModel::NameRole).toString();
        const double threshold = i.data(RewardListModel::ThresholdHoursRole).toDouble();
        const bool claimed = i.data(RewardListModel::ClaimedRole).toBool();
        const bool eligible = i.data(RewardListModel::EligibleRole).toBool();
        QString status;
        if (claimed) {
            status = tr("✓ handed over");
        } else if (eligible) {
            status = tr("Ready to collect: ask at the desk");
        } else {
            const double toGo = std::max(0.01, threshold - earnedHours);
            status = tr("%1 to go").arg(hoursText(toGo));
            if (multiplier > 1.0 && name == next)
                status += u' '
                    + tr("(%1 of work at the current %2× bonus)")
                          .arg(
                              hoursText(toGo / multiplier), QLocale().toString(multiplier, 'g', 3));
        }
        auto *line = new QWidget(m_rewardsBox);
        line->setObjectName(QStringLiteral("reward"));
        auto *h = new QHBoxLayout(line);
        h->setContentsMargins(0, 0, 0, 0);
        auto *title = new QLabel(tr("%1 — over %2").arg(name, hoursText(threshold)), line);
        title->setToolTip(i.data(RewardListModel::DescriptionRole).toString());
        title->setMinimumWidth(title->fontMetrics().averageCharWidth() * 24);
        auto *bar = new QProgressBar(line);
        bar->setRange(0, 1000);
        bar->setValue(claimed || eligible || threshold <= 0
                ? 1000
                : int(std::clamp(earnedHours / threshold, 0.0, 1.0) * 1000));
        bar->setTextVisible(false);
        bar->setMaximumHeight(line->fontMetrics().height() / 2 + 4);
        auto *state = new QLabel(status, line);
        state->setObjectName(QStringLiteral("rewardStatus"));
        state->setWordWrap(true);
        state->setAccessibleName(name + QStringLiteral(": ") + status);
        h->addWidget(title);
        h->addWidget(bar, 1);
        h->addWidget(state, 2);
        m_rewardRows->addWidget(line);
    }
}

QStringList MyTimePage::rewardLines() const
{
    QStringList lines;
    for (const QLabel *status :
        m_rewardsBox->findChildren<QLabel *>(QStringLiteral("rewardStatus")))
        lines.append(status->accessibleName());
    return lines;
}

void MyTimePage::rebuildNotices()
{
    // Someone typing into a card (when they really stopped, a note) keeps the keyboard there
    // when the cards are drawn anew: a notice arriving must not take it away mid-word.
    QString focusedNotice;
    QString focusedField;
    for (QWidget *w = QApplication::focusWidget(); w && w != m_noticesBox; w = w->parentWidget()) {
        if (w->parentWidget() && w->parentWidget()->property("noticeId").isValid()) {
            focusedNotice = w->parentWidget()->property("noticeId").toString();
            focusedField = w->objectName();
            break;
        }
    }
    clearLayout(m_noticeRows);
    int earlier = 0;
    const int waiting = m_notices.waitingCount();
    m_noticesBox->setTitle(
        waiting > 0 ? tr("Notices — %n to read and confirm", nullptr, waiting) : tr("Notices"));
    for (int row = 0; row < m_notices.rowCount(); ++row) {
        const Notification *n = m_notices.notificationAt(row);
        const bool isWaiting = n->requiresAck && !n->acknowledged;
        if (!isWaiting && ++earlier > kEarlierNotices)
            break;
        auto *card = new QFrame(m_noticesBox);
        card->setObjectName(isWaiting ? QStringLiteral("waitingNotice") : QStringLiteral("notice"));
        card->setFrameShape(isWaiting ? QFrame::Box : QFrame::NoFrame);
        card->setProperty("noticeId", n->id.toString(QUuid::WithoutBraces));
        auto *rows = new QVBoxLayout(card);
        auto *h = new QHBoxLayout;
        rows->addLayout(h);
        auto *text = new QLabel(card);
        text->setWordWrap(true);
        text->setTextFormat(Qt::PlainText);
        const QString when = dateTimeText(n->createdAt.toLocalTime());
        QStringList lines {n->title};
        if (!n->body.isEmpty())
            lines.append(n->body);
        lines.append(when);
        text->setText(lines.join(u'\n'));
        if (isWaiting) {
            QFont bold = text->font();
            bold.setBold(true);
            text->setFont(bold);
        }
        h->addWidget(text, 1);
        const bool autoStop = n->kind == QLatin1String("auto_stop");
        if (isWaiting) {
            // A stopped shift asks a question below; this button says there is nothing to add.
            auto *ok = new QPushButton(
                autoStop ? tr("The automatic stop is right") : tr("Got it"), card);
            ok->setObjectName(QStringLiteral("acknowledge"));
            const QString id = n->id.toString(QUuid::WithoutBraces);
            connect(ok, &QPushButton::clicked, this, [this, id] { acknowledge(id); });
            h->addWidget(ok, 0, Qt::AlignTop);
        }
        if (autoStop)
            addCorrectionRows(*n, card, rows);
        m_noticeRows->addWidget(card);
        if (!focusedField.isEmpty() && card->property("noticeId").toString() == focusedNotice) {
            if (auto *field = card->findChild<QWidget *>(focusedField))
                field->setFocus(Qt::OtherFocusReason);
        }
    }
    m_noticesBox->setVisible(m_notices.rowCount() > 0);
}

void MyTimePage::acknowledge(const QString &notificationId)
{
    m_notices.acknowledge(notificationId); // the row follows the answer, and the list with it
}

void MyTimePage::addCorrectionRows(const Notification &notice, QFrame *card, QVBoxLayout *rows)
{
    const QString entryId = notice.data.value(QStringLiteral("entryId")).toString();
    const QString noticeId = notice.id.toString(QUuid::WithoutBraces);
    const Event *event = m_events.activeEvent();
    m_questionZone = event ? event->timeZone : QString();
    const QTimeZone zone = zoneOf(m_questionZone);
    // Asked already: where it stands.
    if (const StopCorrection *c = m_corrections.forEntry(QUuid::fromString(entryId))) {
        auto *status = new QLabel(card);
        status->setObjectName(QStringLiteral("correctionStatus"));
        status->setWordWrap(true);
        status->setText(tr("You said you stopped at %1. %2.")
                            .arg(dateTimeText(c->requestedStop.toLocalTime()),
                                CorrectionListModel::statusText(*c)));
        rows->addWidget(status);
        return;
    }
    if (!notice.requiresAck || notice.acknowledged)
        return;
    const QDateTime autoStop = QDateTime::fromString(
        notice.data.value(QStringLiteral("stop")).toString(), Qt::ISODateWithMs);
    const QDateTime start = QDateTime::fromString(
        notice.data.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs);
    // Which shift: the notice itself only says when it was left.
    if (start.isValid() && autoStop.isValid()) {
        auto *shift = new QLabel(
            tr("The shift: %1 to %2, as the clock has it now.")
                .arg(dateTimeText(start.toLocalTime()), clockText(autoStop.toLocalTime())),
            card);
        shift->setObjectName(QStringLiteral("stoppedShift"));
        rows->addWidget(shift);
    }
    auto *question = new QHBoxLayout;
    auto *label = new QLabel(tr("I really stopped at"), card);
    auto *stop = new QDateTimeEdit(card);
    stop->setObjectName(QStringLiteral("reallyStopped"));
    prepareWallClockEdit(stop);
    if (start.isValid())
        stop->setMinimumDateTime(wallClock(start.addSecs(60), zone));
    stop->setMaximumDateTime(wallClock(QDateTime::currentDateTimeUtc(), zone));
    stop->setDateTime(wallClock(m_stopDrafts.value(noticeId, autoStop), zone));
    label->setBuddy(stop);
    auto *note = new QLineEdit(m_noteDrafts.value(noticeId), card);
    note->setObjectName(QStringLiteral("correctionNote"));
    note->setPlaceholderText(tr("What kept you (optional)"));
    note->setMaxLength(500);
    auto *send = new QPushButton(tr("Send to a manager"), card);
    send->setObjectName(QStringLiteral("sendCorrection"));
    question->addWidget(label);
    question->addWidget(stop);
    question->addWidget(note, 1);
    question->addWidget(send);
    rows->addLayout(question);
    auto *problem = new QLabel(card);
    problem->setObjectName(QStringLiteral("correctionProblem"));
    problem->setWordWrap(true);
    problem->hide();
    rows->addWidget(problem);
    connect(stop, &QDateTimeEdit::dateTimeChanged, this,
        [this, noticeId, zone](
            const QDateTime &shown) { m_stopDrafts.insert(noticeId, fromWallClock(shown, zone)); });
    connect(note, &QLineEdit::textEdited, this,
        [this, noticeId](const QString &text) { m_noteDrafts.insert(noticeId, text); });
    connect(send, &QPushButton::clicked, this, [this, noticeId, stop, note, zone] {
        requestCorrection(noticeId, fromWallClock(stop->dateTime(), zone), note->text());
    });
}

void MyTimePage::requestCorrection(
    const QString &notificationId, const QDateTime &stop, const QString &note)
{
    const Notification *notice = nullptr;
    for (int row = 0; row < m_notices.rowCount() && !notice; ++row) {
        const Notification *n = m_notices.notificationAt(row);
        if (n->id.toString(QUuid::WithoutBraces) == notificationId)
            notice = n;
    }
    if (!notice)
        return;
    const QString entryId = notice->data.value(QStringLiteral("entryId")).toString();
    m_correctionsClient.request(entryId, stop, note)
        ->then(this, [this, notificationId](const QJsonValue &result, const RpcError &error) {
            if (error.isValid()) {
                QString text;
                if (error.reason == QLatin1String("already_requested"))
                    text = tr("You told us already; a manager will decide.");
                else if (error.reason == QLatin1String("event_closed"))
                    text = tr("The event is over: ask a manager in person.");
                else
                    text = errorText(error,
                        {{QStringLiteral("stop"), tr("The time")},
                            {QStringLiteral("note"), tr("The note")}});
                for (auto *problem :
                    m_noticesBox->findChildren<QLabel *>(QStringLiteral("correctionProblem"))) {
                    if (problem->parent()->property("noticeId").toString() == notificationId) {
                        problem->setText(u"⚠ " + text);
                        problem->show();
                    }
                }
                return;
            }
            m_stopDrafts.remove(notificationId);
            m_noteDrafts.remove(notificationId);
            // The notice is answered, and the request shows where it stands.
            m_corrections.upsert(
                StopCorrection::fromJson(result[QStringLiteral("correction")].toObject()));
            for (const QJsonValue &n : result[QStringLiteral("acknowledged")].toArray())
                m_notices.upsert(Notification::fromJson(n.toObject()));
        });
}

void MyTimePage::clockIn(const QString &teamId)
{
    if (m_busy || teamId.isEmpty())
        return;
    m_busy = true;
    refreshShift();
    m_timeclock.clockIn(teamId)->then(this, [this](const QJsonValue &, const RpcError &error) {
        m_busy = false;
        showShiftMessage(error.isValid() ? errorText(error) : QString(), true);
        m_totals.reload();
        refreshShift();
    });
}

void MyTimePage::clockOut()
{
    if (m_busy)
        return;
    m_busy = true;
    refreshShift();
    m_timeclock.clockOut()->then(this, [this](const QJsonValue &result, const RpcError &error) {
        m_busy = false;
        if (error.isValid()) {
            showShiftMessage(errorText(error), true);
        } else {
            const TimeEntry entry = TimeEntry::fromJson(result[QStringLiteral("entry")].toObject());
            showShiftMessage(
                tr("Clocked out: %1 worked, %2 earned.")
                    .arg(durationText(entry.workedSeconds), durationText(entry.earnedSeconds)));
            m_totals.reset(TimeTotals::fromJson(result[QStringLiteral("totals")].toObject()));
        }
        refreshShift();
    });
}

void MyTimePage::showKioskMessage(const QString &text, bool problem)
{
    m_kioskMessage->setText(problem ? u"⚠ " + text : text);
    m_kioskMessage->setVisible(!text.isEmpty());
}

void MyTimePage::showShiftMessage(const QString &text, bool problem)
{
    m_shiftMessage->setText(problem ? u"⚠ " + text : text);
    m_shiftMessage->setVisible(!text.isEmpty());
}

QString MyTimePage::kioskMessage() const
{
    return m_kioskMessage->text();
}

void MyTimePage::setPin(const QString &pin, const QString &repeated)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9]{4,8}$"));
    if (!shape.match(pin).hasMatch())
        return showKioskMessage(tr("A PIN has 4 to 8 digits."), true);
    if (pin != repeated)
        return showKioskMessage(tr("The two PINs differ: type the same one twice."), true);
    m_setPin->setEnabled(false);
    m_timeclock.setPin(pin)->then(this, [this](const QJsonValue &, const RpcError &error) {
        m_setPin->setEnabled(true);
        if (error.isValid())
            return showKioskMessage(
                errorText(error, {{QStringLiteral("pin"), tr("The PIN")}}), true);
        m_pin->clear();
        m_pinAgain->clear();
        showKioskMessage(tr("Your kiosk PIN is set. Use it with your badge at any kiosk."));
    });
}

void MyTimePage::removePin()
{
    m_timeclock.setPin(QString())->then(this, [this](const QJsonValue &, const RpcError &error) {
        if (error.isValid())
            return showKioskMessage(errorText(error), true);
        showKioskMessage(tr("Your kiosk PIN is removed: sign in at a kiosk with a quick code."));
    });
}

void MyTimePage::showQuickCode()
{
    m_quickCodeButton->setEnabled(false);
    m_timeclock.createQuickCode()->then(
        this, [this](const QJsonValue &result, const RpcError &error) {
            m_quickCodeButton->setEnabled(mayUseQuickCode());
            if (error.isValid()) {
                if (error.reason == QLatin1String("no_badge"))
                    return showKioskMessage(
                        tr("You have no badge number yet: ask a manager to give you one."), true);
                if (error.reason == QLatin1String("forbidden"))
                    return showKioskMessage(
                        tr("Leads and above sign in at kiosks with their PIN, not a quick code."),
                        true);
                return showKioskMessage(errorText(error), true);
            }
            m_quickCode->setText(result[QStringLiteral("code")].toString());
            m_codeSeconds = std::max(1, result[QStringLiteral("validSeconds")].toInt(30));
            // The countdown runs on this clock: the server's may differ by seconds.
            m_codeExpires = QDateTime::currentDateTimeUtc().addSecs(m_codeSeconds);
            m_quickCodeLeft->setRange(0, m_codeSeconds);
            m_quickCode->show();
            m_quickCodeLeft->show();
            m_quickCodeButton->setText(tr("New &quick code"));
            showKioskMessage(tr("Type this code at the kiosk after your badge. It works once."));
            m_codeTick.start();
            tickQuickCode();
        });
}

void MyTimePage::tickQuickCode()
{
    const int left = quickCodeSecondsLeft();
    if (left <= 0) {
        m_codeTick.stop();
        m_quickCode->clear();
        m_quickCode->hide();
        m_quickCodeLeft->hide();
        m_quickCodeButton->setText(tr("Show a &quick code"));
        showKioskMessage(tr("The quick code expired. Ask for a new one at the kiosk."));
        return;
    }
    m_quickCodeLeft->setValue(left);
    m_quickCodeLeft->setFormat(tr("%n s left", nullptr, left));
}

QString MyTimePage::quickCode() const
{
    return quickCodeSecondsLeft() > 0 ? m_quickCode->text() : QString();
}

int MyTimePage::quickCodeSecondsLeft() const
{
    if (!m_codeExpires.isValid() || m_quickCode->text().isEmpty())
        return 0;
    return int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(m_codeExpires)));
}

} // namespace Muster
