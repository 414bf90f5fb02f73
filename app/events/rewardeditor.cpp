// See rewardeditor.h.
#include "rewardeditor.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace Muster {

RewardEditor::RewardEditor(const Reward &reward, QWidget *parent)
    : QDialog(parent)
    , m_reward(reward)
    , m_name(new QLineEdit(reward.name, this))
    , m_description(new QLineEdit(reward.description, this))
    , m_threshold(new QDoubleSpinBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("rewardEditor"));
    setWindowTitle(isNew() ? tr("New reward") : tr("Reward “%1”").arg(reward.name));
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(200);
    m_name->setPlaceholderText(tr("e.g. T-shirt"));
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setMaxLength(2000);
    m_description->setPlaceholderText(tr("What it is, where to collect it (optional)"));
    m_threshold->setObjectName(QStringLiteral("threshold"));
    m_threshold->setRange(0, 10000);
    m_threshold->setDecimals(2);
    m_threshold->setSuffix(tr(" h earned"));
    m_threshold->setValue(isNew() ? 8 : reward.thresholdHours);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_buttons->setObjectName(QStringLiteral("buttons"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Earned over:"), m_threshold);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (name().isEmpty())
            return showProblem(tr("Give the reward a name."));
        showProblem({});
        Q_EMIT saveRequested();
    });
}

QString RewardEditor::name() const
{
    return m_name->text().trimmed();
}

QString RewardEditor::description() const
{
    return m_description->text().trimmed();
}

double RewardEditor::thresholdHours() const
{
    return m_threshold->value();
}

QString RewardEditor::problem() const
{
    return m_problem->text();
}

void RewardEditor::showProblem(const QString &text)
{
    m_problem->setText(text.isEmpty() ? QString() : u"⚠ " + text);
    m_problem->setVisible(!text.isEmpty());
}

void RewardEditor::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

} // namespace Muster
