// See kioskspage.h.
#include "kioskspage.h"

#include "common/confirmation.h"
#include "common/errortext.h"
#include "util/clocktext.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Muster {

namespace {

constexpr int kDay = 24;

// The alphabet kiosks draw pairing codes from: no 0/O or 1/I to confuse.
const QString kCodePattern = QStringLiteral("[A-HJ-NP-Za-hj-np-z2-9]{0,6}");

void fillLifetimes(QComboBox *box)
{
    box->addItem(QCoreApplication::translate("KiosksPage", "1 day"), kDay);
    box->addItem(QCoreApplication::translate("KiosksPage", "3 days"), 3 * kDay);
    box->addItem(QCoreApplication::translate("KiosksPage", "1 week"), 7 * kDay);
    box->addItem(QCoreApplication::translate("KiosksPage", "2 weeks"), 14 * kDay);
    box->addItem(QCoreApplication::translate("KiosksPage", "30 days"), 30 * kDay);
    box->setCurrentIndex(2); // a convention's week
}

} // namespace

KiosksPage::KiosksPage(Connection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_fleet(&connection)
    , m_code(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_location(new QLineEdit(this))
    , m_lifetime(new QComboBox(this))
    , m_approve(new QPushButton(tr("&Approve kiosk"), this))
    , m_listOrEmpty(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_edit(new QPushButton(tr("&Rename or move…"), this))
    , m_renew(new QPushButton(tr("Re&new…"), this))
    , m_revoke(new QPushButton(tr("Re&voke…"), this))
    , m_message(new QLabel(this))
{
    // Pairing: the code the kiosk shows, and what to call it.
    auto *pairing = new QGroupBox(tr("Approve a new kiosk"), this);
    auto *hint = new QLabel(tr("Start Muster Kiosk on the device: it shows a six-character code. "
                               "Type it here and name the kiosk after where it stands."),
        pairing);
    hint->setWordWrap(true);
    m_code->setObjectName(QStringLiteral("pairingCode"));
    m_code->setPlaceholderText(tr("e.g. K7QX2M"));
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(kCodePattern), m_code));
    QFont codeFont = m_code->font();
    codeFont.setFamily(QStringLiteral("monospace"));
    codeFont.setStyleHint(QFont::Monospace);
    codeFont.setLetterSpacing(QFont::AbsoluteSpacing, 2);
    m_code->setFont(codeFont);
    // Room for the placeholder and the six spaced-out characters, no more.
    m_code->setFixedWidth(QFontMetrics(codeFont).horizontalAdvance(m_code->placeholderText())
        + m_code->fontMetrics().averageCharWidth() * 4);
    // Typed in any case, shown as the kiosk shows it.
    connect(m_code, &QLineEdit::textEdited, this, [this](const QString &text) {
        const int cursor = m_code->cursorPosition();
        m_code->setText(text.toUpper());
        m_code->setCursorPosition(cursor);
    });
    m_name->setObjectName(QStringLiteral("kioskName"));
    m_name->setPlaceholderText(tr("e.g. Front desk"));
    m_name->setMaxLength(100);
    m_location->setObjectName(QStringLiteral("kioskLocation"));
    m_location->setPlaceholderText(tr("e.g. Hall B, by the doors (optional)"));
    m_location->setMaxLength(200);
    m_lifetime->setObjectName(QStringLiteral("lifetime"));
    fillLifetimes(m_lifetime);
    m_approve->setObjectName(QStringLiteral("approve"));
    auto *form = new QFormLayout;
    form->addRow(tr("Pairing &code:"), m_code);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Location:"), m_location);
    form->addRow(tr("Approved &for:"), m_lifetime);
    auto *pairingLayout = new QVBoxLayout(pairing);
    pairingLayout->addWidget(hint);
    pairingLayout->addLayout(form);
    auto *approveRow = new QHBoxLayout;
    approveRow->addStretch();
    approveRow->addWidget(m_approve);
    pairingLayout->addLayout(approveRow);

    // The organisation's kiosks.
    m_table->setObjectName(QStringLiteral("kiosks"));
    m_table->setModel(&m_kiosks);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(KioskListModel::LocationColumn, QHeaderView::Stretch);
    auto *empty = new QLabel(
        tr("No kiosks yet. Approve the first one above: its code is on its screen."), this);
    empty->setObjectName(QStringLiteral("noKiosks"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setForegroundRole(QPalette::PlaceholderText);
    m_listOrEmpty->addWidget(m_table);
    m_listOrEmpty->addWidget(empty);
    m_edit->setObjectName(QStringLiteral("edit"));
    m_renew->setObjectName(QStringLiteral("renew"));
    m_revoke->setObjectName(QStringLiteral("revoke"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_edit);
    buttons->addWidget(m_renew);
    buttons->addWidget(m_revoke);
    buttons->addStretch();
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_listOrEmpty, 1);
    listRow->addLayout(buttons);
    auto *listBox = new QGroupBox(tr("Kiosks"), this);
    listBox->setLayout(listRow);

    m_message->setObjectName(QStringLiteral("kioskMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pairing);
    layout->addWidget(m_message);
    layout->addWidget(listBox, 1);

    connect(m_approve, &QPushButton::clicked, this, &KiosksPage::approve);
    connect(m_code, &QLineEdit::returnPressed, this, &KiosksPage::approve);
    connect(m_name, &QLineEdit::returnPressed, this, &KiosksPage::approve);
    connect(m_location, &QLineEdit::returnPressed, this, &KiosksPage::approve);
    connect(m_code, &QLineEdit::textChanged, this, &KiosksPage::updateButtons);
    connect(m_name, &QLineEdit::textChanged, this, &KiosksPage::updateButtons);
    connect(m_edit, &QPushButton::clicked, this, &KiosksPage::editSelected);
    connect(m_renew, &QPushButton::clicked, this, &KiosksPage::renewSelected);
    connect(m_revoke, &QPushButton::clicked, this, &KiosksPage::revokeSelected);
    connect(m_table, &QTableView::doubleClicked, this, &KiosksPage::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &KiosksPage::updateButtons);
    connect(&m_kiosks, &QAbstractItemModel::layoutChanged, this, &KiosksPage::updateButtons);
    connect(&m_kiosks, &QAbstractItemModel::modelReset, this, &KiosksPage::showListOrEmpty);
    connect(&m_kiosks, &QAbstractItemModel::layoutChanged, this, &KiosksPage::showListOrEmpty);
    connect(&m_kiosks, &KioskListModel::loadFailed, this, [this](const QString &why) {
        showMessage(tr("Could not load the kiosks: %1").arg(why), true);
    });

    m_kiosks.setConnection(&m_connection);
    updateButtons();
    showListOrEmpty();
}

QString KiosksPage::message() const
{
    return m_message->text();
}

void KiosksPage::showMessage(const QString &text, bool problem)
{
    // A problem reads as one in light and dark palettes alike: the theme's own link/negative
    // colours are not reliable, so the text stays in the window's text colour with a marker.
    m_message->setText(problem ? u"⚠ " + text : text);
}

const Kiosk *KiosksPage::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_kiosks.kioskAt(rows.first().row());
}

QString KiosksPage::selectedKiosk() const
{
    const Kiosk *k = selected();
    return k ? k->id.toString(QUuid::WithoutBraces) : QString();
}

void KiosksPage::updateButtons()
{
    const Kiosk *k = selected();
    const bool live = k && !k->revoked;
    m_edit->setEnabled(!m_busy && live);
    m_renew->setEnabled(!m_busy && live);
    m_revoke->setEnabled(!m_busy && live);
    m_approve->setEnabled(
        !m_busy && m_code->text().size() == 6 && !m_name->text().trimmed().isEmpty());
}

void KiosksPage::showListOrEmpty()
{
    const bool none = m_kiosks.isLoaded() && m_kiosks.rowCount() == 0;
    m_listOrEmpty->setCurrentIndex(none ? 1 : 0);
    updateButtons();
}

void KiosksPage::approve()
{
    const QString code = m_code->text().trimmed().toUpper();
    const QString name = m_name->text().trimmed();
    if (m_busy)
        return;
    if (code.size() != 6) {
        showMessage(tr("The pairing code has six characters: type all of them as the kiosk shows "
                       "them."),
            true);
        m_code->setFocus();
        return;
    }
    if (name.isEmpty()) {
        showMessage(
            tr("Give the kiosk a name, so volunteers and managers know which one it is."), true);
        m_name->setFocus();
        return;
    }
    m_busy = true;
    updateButtons();
    m_fleet.approve(code, name, m_location->text().trimmed(), m_lifetime->currentData().toInt())
        ->then(this, [this, code, name](const QJsonValue &result, const RpcError &error) {
            m_busy = false;
            updateButtons();
            if (error.isValid()) {
                if (error.reason == QLatin1String("not_found"))
                    showMessage(tr("No kiosk is waiting with the code %1. Check it on the kiosk's "
                                   "screen: codes last 15 minutes, and the kiosk shows a new one "
                                   "after that.")
                                    .arg(code),
                        true);
                else if (error.reason == QLatin1String("conflict"))
                    showMessage(
                        tr("Another kiosk is already called “%1”. Choose another name.").arg(name),
                        true);
                else
                    showMessage(errorText(error,
                                    {{QStringLiteral("pairingCode"), tr("The code")},
                                        {QStringLiteral("name"), tr("The name")}}),
                        true);
                return;
            }
            const Kiosk kiosk = Kiosk::fromJson(result[QStringLiteral("kiosk")].toObject());
            m_kiosks.upsert(kiosk); // the push follows; the answer shows it at once
            showMessage(tr("“%1” is approved. The kiosk starts by itself within a few seconds.")
                            .arg(kiosk.name));
            m_code->clear();
            m_name->clear();
            m_location->clear();
            m_code->setFocus();
            const int row = m_kiosks.rowOf(kiosk.id.toString(QUuid::WithoutBraces));
            if (row >= 0)
                m_table->selectRow(row);
        });
}

void KiosksPage::editSelected()
{
    const Kiosk *k = selected();
    if (!k || k->revoked || m_busy)
        return;
    const QString id = k->id.toString(QUuid::WithoutBraces);
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("kioskEditor"));
    dialog->setWindowTitle(tr("Rename or move “%1”").arg(k->name));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *name = new QLineEdit(k->name, dialog);
    name->setObjectName(QStringLiteral("name"));
    name->setMaxLength(100);
    auto *location = new QLineEdit(k->location, dialog);
    location->setObjectName(QStringLiteral("location"));
    location->setMaxLength(200);
    auto *problem = new QLabel(dialog);
    problem->setObjectName(QStringLiteral("problem"));
    problem->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, dialog);
    auto *form = new QFormLayout(dialog);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Location:"), location);
    form->addRow(problem);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog,
        [this, dialog, id, name, location, problem, buttons] {
            if (name->text().trimmed().isEmpty()) {
                problem->setText(tr("⚠ A kiosk needs a name."));
                return;
            }
            buttons->setEnabled(false);
            m_fleet.update(id, name->text().trimmed(), location->text().trimmed())
                ->then(dialog,
                    [this, dialog, problem, buttons, name](
                        const QJsonValue &result, const RpcError &error) {
                        buttons->setEnabled(true);
                        if (error.isValid()) {
                            problem->setText(u"⚠ "
                                + (error.reason == QLatin1String("conflict")
                                        ? tr("Another kiosk is already called “%1”.")
                                              .arg(name->text().trimmed())
                                        : errorText(error)));
                            return;
                        }
                        m_kiosks.upsert(
                            Kiosk::fromJson(result[QStringLiteral("kiosk")].toObject()));
                        showMessage(tr("Saved."));
                        dialog->accept();
                    });
        });
    dialog->open();
}

void KiosksPage::renewSelected()
{
    const Kiosk *k = selected();
    if (!k || k->revoked || m_busy)
        return;
    const QString id = k->id.toString(QUuid::WithoutBraces);
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("kioskRenewal"));
    dialog->setWindowTitle(tr("Renew “%1”").arg(k->name));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *lifetime = new QComboBox(dialog);
    lifetime->setObjectName(QStringLiteral("lifetime"));
    fillLifetimes(lifetime);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Renew"));
    auto *form = new QFormLayout(dialog);
    form->addRow(new QLabel(tr("The approval runs from now for:"), dialog));
    form->addRow(lifetime);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, id, lifetime] {
        m_fleet.renew(id, lifetime->currentData().toInt())
            ->then(this, [this](const QJsonValue &result, const RpcError &error) {
                if (error.isValid())
                    return showMessage(errorText(error), true);
                const Kiosk kiosk = Kiosk::fromJson(result[QStringLiteral("kiosk")].toObject());
                m_kiosks.upsert(kiosk);
                showMessage(tr("“%1” is approved until %2.")
                                .arg(kiosk.name, dateTimeText(kiosk.expiresAt.toLocalTime())));
            });
        dialog->accept();
    });
    dialog->open();
}

void KiosksPage::revokeSelected()
{
    const Kiosk *k = selected();
    if (!k || k->revoked || m_busy)
        return;
    const QString id = k->id.toString(QUuid::WithoutBraces);
    const QString name = k->name;
    askToConfirm(this, QStringLiteral("confirmRevoke"), tr("Revoke “%1”?").arg(name),
        tr("“%1” stops at once: anyone signed in there is signed out, and the device must be "
           "approved again with a new code before it can be used.")
            .arg(name),
        tr("Revoke"), [this, id, name] {
            m_fleet.revoke(id)->then(
                this, [this, name](const QJsonValue &result, const RpcError &error) {
                    if (error.isValid())
                        return showMessage(errorText(error), true);
                    m_kiosks.upsert(Kiosk::fromJson(result[QStringLiteral("kiosk")].toObject()));
                    showMessage(tr("“%1” is revoked and disconnected.").arg(name));
                });
        });
}

} // namespace Muster
