// See correctionspanel.h.
#include "correctionspanel.h"

#include "client/connection.h"
#include "common/errortext.h"
#include "util/clocktext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Muster {

CorrectionsPanel::CorrectionsPanel(Connection &connection, QWidget *parent)
    : QGroupBox(parent)
    , m_client(&connection)
    , m_table(new QTableView(this))
    , m_approve(new QPushButton(tr("A&pprove"), this))
    , m_refuse(new QPushButton(tr("&Refuse…"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("corrections"));
    m_table->setObjectName(QStringLiteral("correctionsTable"));
    m_table->setModel(&m_corrections);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CorrectionListModel::NoteColumn, QHeaderView::Stretch);
    // A few rows at most, usually: the shifts below keep the room.
    m_table->setMaximumHeight(
        m_table->verticalHeader()->defaultSectionSize() * 6 + header->sizeHint().height());
    m_approve->setObjectName(QStringLiteral("approve"));
    m_refuse->setObjectName(QStringLiteral("refuse"));
    m_approve->setToolTip(tr("The shift ends when they say it did; their hours follow."));
    m_refuse->setToolTip(tr("The shift keeps its automatic stop; they read your reason."));
    m_message->setObjectName(QStringLiteral("correctionsMessage"));
    m_message->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_approve);
    buttons->addWidget(m_refuse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_approve, &QPushButton::clicked, this, &CorrectionsPanel::approveSelected);
    connect(m_refuse, &QPushButton::clicked, this, [this] {
        const StopCorrection *c = selected();
        if (!c)
            return;
        bool ok = false;
        const QString reason = QInputDialog::getText(this, tr("Refuse this correction?"),
            tr("%1's shift keeps its automatic stop at %2. What should they read?")
                .arg(c->userName, clockText(c->autoStop.toLocalTime())),
            QLineEdit::Normal, QString(), &ok);
        if (ok)
            refuseSelected(reason);
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        Q_EMIT personWanted(i.data(CorrectionListModel::UserIdRole).toString(),
            i.data(CorrectionListModel::EntryIdRole).toString());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &CorrectionsPanel::update);
    connect(&m_corrections, &QAbstractItemModel::modelReset, this, &CorrectionsPanel::update);
    connect(&m_corrections, &QAbstractItemModel::layoutChanged, this, &CorrectionsPanel::update);
    connect(&m_corrections, &CorrectionListModel::loadFailed, this, [this](const QString &why) {
        showMessage(tr("Could not load the corrections: %1").arg(why), true);
    });
    m_corrections.setConnection(&connection);
    update();
}

QString CorrectionsPanel::message() const
{
    return m_message->text();
}

void CorrectionsPanel::showMessage(const QString &text, bool problem)
{
    m_message->setText(problem ? u"⚠ " + text : text);
}

void CorrectionsPanel::select(int row)
{
    m_table->selectRow(row);
}

const StopCorrection *CorrectionsPanel::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_corrections.correctionAt(rows.first().row());
}

void CorrectionsPanel::update()
{
    const int waiting = m_corrections.pendingCount();
    setTitle(waiting > 0 ? tr("Forgotten clock-outs — %n to decide", nullptr, waiting)
                         : tr("Forgotten clock-outs"));
    setVisible(m_corrections.rowCount() > 0);
    const StopCorrection *c = selected();
    const bool decidable = !m_busy && c && c->status == StopCorrection::Status::Pending;
    m_approve->setEnabled(decidable);
    m_refuse->setEnabled(decidable);
}

void CorrectionsPanel::approveSelected()
{
    const StopCorrection *c = selected();
    if (!c || m_busy)
        return;
    m_busy = true;
    update();
    m_client.approve(c->id.toString(QUuid::WithoutBraces), {})
        ->then(this, [this](const QJsonValue &result, const RpcError &error) {
            decided(result, error, true);
        });
}

void CorrectionsPanel::refuseSelected(const QString &reason)
{
    const StopCorrection *c = selected();
    if (!c || m_busy)
        return;
    if (reason.trimmed().isEmpty())
        return showMessage(tr("Say why: %1 will read it.").arg(c->userName), true);
    m_busy = true;
    update();
    m_client.refuse(c->id.toString(QUuid::WithoutBraces), reason)
        ->then(this, [this](const QJsonValue &result, const RpcError &error) {
            decided(result, error, false);
        });
}

void CorrectionsPanel::decided(const QJsonValue &result, const RpcError &error, bool approved)
{
    m_busy = false;
    if (error.isValid()) {
        update();
        if (error.reason == QLatin1String("overlap"))
            return showMessage(tr("They have another shift in that time: look at their shifts "
                                  "(double-click), or refuse."),
                true);
        if (error.reason == QLatin1String("already_decided"))
            return showMessage(tr("Another manager decided this one a moment ago."), true);
        if (error.reason == QLatin1String("forbidden"))
            return showMessage(tr("Another manager decides your own correction."), true);
        return showMessage(errorText(error), true);
    }
    // The answer shows the decision at once; the push that follows changes nothing.
    const StopCorrection c
        = StopCorrection::fromJson(result[QStringLiteral("correction")].toObject());
    m_corrections.upsert(c);
    showMessage(approved ? tr("Approved: %1's shift now ends at %2.")
                               .arg(c.userName, clockText(c.requestedStop.toLocalTime()))
                         : tr("Refused: %1's shift still ends at %2.")
                               .arg(c.userName, clockText(c.autoStop.toLocalTime())));
    update();
}

} // namespace Muster
