// See eventeditor.h. The two times are typed as the event's wall clock (common/zonedtime).
#include "eventeditor.h"

#include "common/zonedtime.h"
#include "protocol/wiretime.h"
#include "util/clocktext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>

namespace Muster {

EventEditor::EventEditor(const Event &event, const QList<Event> &earlier, QWidget *parent)
    : QDialog(parent)
    , m_event(event)
    , m_name(new QLineEdit(event.name, this))
    , m_timeZone(new QComboBox(this))
    , m_start(new QDateTimeEdit(this))
    , m_end(new QDateTimeEdit(this))
    , m_dayBoundary(new QSpinBox(this))
    , m_activate(new QCheckBox(tr("Make it the active event: kiosks clock time into it"), this))
    , m_copyFrom(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("eventEditor"));
    setWindowTitle(isNew() ? tr("New event") : tr("Event “%1”").arg(event.name));
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(200);
    m_name->setPlaceholderText(tr("e.g. Spring Con 2027"));

    m_timeZone->setObjectName(QStringLiteral("timeZone"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        if (id.contains('/') && !id.startsWith("Etc/"))
            m_timeZone->addItem(QString::fromUtf8(id));
    }
    m_timeZone->addItem(QStringLiteral("UTC"));
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    // This machine's zone for a new event, unless Qt does not know it by that name (Qt 6.4 has
    // no "Etc/UTC", Debian's default): then UTC, which the server accepts.
    const QByteArray systemZone = QTimeZone::systemTimeZoneId();
    const QString zone = !isNew()                      ? event.timeZone
        : QTimeZone::isTimeZoneIdAvailable(systemZone) ? QString::fromUtf8(systemZone)
                                                       : QStringLiteral("UTC");
    m_timeZone->setCurrentText(zone.isEmpty() ? QStringLiteral("UTC") : zone);
    m_shownZone = m_timeZone->currentText();

    for (QDateTimeEdit *edit : {m_start, m_end})
        prepareWallClockEdit(edit);
    m_start->setObjectName(QStringLiteral("start"));
    m_end->setObjectName(QStringLiteral("end"));
    QDateTime start = event.start;
    QDateTime end = event.end;
    if (isNew()) {
        // Tomorrow morning to four days later: a long weekend, the usual shape of a convention.
        const QTimeZone z = zoneOf(m_shownZone);
        const QDate tomorrow = QDateTime::currentDateTimeUtc().toTimeZone(z).date().addDays(1);
        start = QDateTime(tomorrow, QTime(8, 0), z).toUTC();
        end = QDateTime(tomorrow.addDays(3), QTime(20, 0), z).toUTC();
    }
    m_start->setDateTime(wallClock(start, zoneOf(m_shownZone)));
    m_end->setDateTime(wallClock(end, zoneOf(m_shownZone)));

    m_dayBoundary->setObjectName(QStringLiteral("dayBoundaryHour"));
    m_dayBoundary->setRange(0, 23);
    m_dayBoundary->setValue(isNew() ? 4 : event.dayBoundaryHour);
    m_dayBoundary->setSuffix(QStringLiteral(":00"));
    m_dayBoundary->setToolTip(tr("At this hour a new day begins: shifts nobody clocked out of are "
                                 "stopped, and their owners are asked when they really stopped."));
    m_activate->setObjectName(QStringLiteral("activate"));
    m_activate->setVisible(isNew());
    // Last year's bonus windows and rewards, moved to the same days of this one.
    m_copyFrom->setObjectName(QStringLiteral("copySetupFrom"));
    m_copyFrom->addItem(tr("Nothing: start empty"), QString());
    for (const Event &e : earlier)
        m_copyFrom->addItem(
            tr("%1 (%2)").arg(e.name, dateText(e.start.toTimeZone(zoneOf(e.timeZone)).date())),
            e.id.toString(QUuid::WithoutBraces));
    m_copyFrom->setToolTip(tr("The new event starts with that event's bonus windows (on the same "
                              "day of the event, at the same time) and its rewards."));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_buttons->setObjectName(QStringLiteral("buttons"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Time zone:"), m_timeZone);
    form->addRow(tr("&From:"), m_start);
    form->addRow(tr("T&o:"), m_end);
    form->addRow(tr("A new &day begins at:"), m_dayBoundary);
    if (isNew() && !earlier.isEmpty())
        form->addRow(tr("&Bonuses and rewards like:"), m_copyFrom);
    else
        m_copyFrom->hide();
    form->addRow(m_activate);
    if (event.readOnly) {
        auto *note = new QLabel(event.archived
                ? tr("This event is archived: its time can no longer change. Unarchive it from "
                     "the list to change it.")
                : tr("This event is over: its time can no longer change."),
            this);
        note->setObjectName(QStringLiteral("readOnlyNote"));
        note->setWordWrap(true);
        form->addRow(note);
        for (QWidget *w :
            std::initializer_list<QWidget *> {m_name, m_timeZone, m_start, m_end, m_dayBoundary})
            w->setEnabled(false);
        m_buttons->setStandardButtons(QDialogButtonBox::Close);
    }
    form->addRow(m_problem);
    form->addRow(m_buttons);

    connect(m_timeZone, &QComboBox::currentTextChanged, this, &EventEditor::retime);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        const QString why = check();
        showProblem(why);
        if (why.isEmpty())
            Q_EMIT saveRequested();
    });
    showProblem({});
}

void EventEditor::retime()
{
    // The same moments, shown in the new zone once it is a real one.
    const QString zone = m_timeZone->currentText().trimmed();
    if (!QTimeZone(zone.toUtf8()).isValid())
        return;
    const QTimeZone before = zoneOf(m_shownZone);
    const QDateTime start = fromWallClock(m_start->dateTime(), before);
    const QDateTime end = fromWallClock(m_end->dateTime(), before);
    m_shownZone = zone;
    m_start->setDateTime(wallClock(start, zoneOf(zone)));
    m_end->setDateTime(wallClock(end, zoneOf(zone)));
}

QString EventEditor::name() const
{
    return m_name->text().trimmed();
}

QString EventEditor::timeZone() const
{
    return m_timeZone->currentText().trimmed();
}

QDateTime EventEditor::start() const
{
    return fromWallClock(m_start->dateTime(), zoneOf(m_shownZone));
}

QDateTime EventEditor::end() const
{
    return fromWallClock(m_end->dateTime(), zoneOf(m_shownZone));
}

int EventEditor::dayBoundaryHour() const
{
    return m_dayBoundary->value();
}

QString EventEditor::copySetupFrom() const
{
    return isNew() ? m_copyFrom->currentData().toString() : QString();
}

bool EventEditor::activate() const
{
    return isNew() && m_activate->isChecked();
}

QString EventEditor::check() const
{
    if (name().isEmpty())
        return tr("Give the event a name.");
    if (!QTimeZone(timeZone().toUtf8()).isValid())
        return tr("“%1” is not a time zone. Pick one from the list, like Europe/Berlin.")
            .arg(timeZone());
    if (end() <= start())
        return tr("The event must end after it starts.");
    return {};
}

QJsonObject EventEditor::changes() const
{
    QJsonObject changed;
    if (name() != m_event.name)
        changed.insert(QStringLiteral("name"), name());
    if (timeZone() != m_event.timeZone)
        changed.insert(QStringLiteral("timeZone"), timeZone());
    // Minutes are what the edits hold: an unchanged time must not count as a change.
    if (start().secsTo(m_event.start) / 60 != 0 || isNew())
        changed.insert(QStringLiteral("start"), toWireTime(start()));
    if (end().secsTo(m_event.end) / 60 != 0 || isNew())
        changed.insert(QStringLiteral("end"), toWireTime(end()));
    if (dayBoundaryHour() != m_event.dayBoundaryHour)
        changed.insert(QStringLiteral("dayBoundaryHour"), dayBoundaryHour());
    return changed;
}

QString EventEditor::problem() const
{
    return m_problem->text();
}

void EventEditor::showProblem(const QString &text)
{
    m_problem->setText(text.isEmpty() ? QString() : u"⚠ " + text);
    m_problem->setVisible(!text.isEmpty());
    adjustSize();
}

void EventEditor::setBusy(bool busy)
{
    if (QPushButton *save = m_buttons->button(QDialogButtonBox::Save))
        save->setEnabled(!busy);
}

} // namespace Muster
