// See personactivity.h.
#include "personactivity.h"

#include "common/layouts.h"
#include "historydelegate.h"
#include "util/clocktext.h"
#include "util/durationtext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

namespace Muster {

namespace {

QTableView *readOnlyTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setWordWrap(false);
    table->setAlternatingRowColors(true);
    return table;
}

} // namespace

PersonActivity::PersonActivity(Connection &connection, TeamListModel &teams, QWidget *parent)
    : QTabWidget(parent)
    , m_rewardRows(new QVBoxLayout)
    , m_noRewards(new QLabel(tr("No rewards in the active event."), this))
    , m_noticeRows(new QVBoxLayout)
    , m_noNotices(new QLabel(tr("No notices."), this))
    , m_historyView(new QListView(this))
    , m_noShifts(new QLabel(tr("No shifts in the active event."), this))
    , m_noHistory(new QLabel(tr("Nothing recorded for them yet."), this))
{
    setObjectName(QStringLiteral("activity"));
    setDocumentMode(true);
    setUsesScrollButtons(false); // every tab in sight: the column widens rather than hide one

    QTableView *shifts = readOnlyTable(&m_shifts, QStringLiteral("shifts"), this);
    shifts->setSelectionMode(QAbstractItemView::NoSelection);
    shifts->hideColumn(TimeEntryListModel::PersonColumn);
    shifts->hideColumn(TimeEntryListModel::DetailsColumn);
    shifts->hideColumn(TimeEntryListModel::EarnedColumn); // the line above the tabs sums it
    shifts->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    shifts->horizontalHeader()->setSectionResizeMode(
        TimeEntryListModel::StartColumn, QHeaderView::Stretch);
    m_noShifts->setObjectName(QStringLiteral("noShifts"));
    addTab(withEmptyText(shifts, m_noShifts), QString());

    m_noRewards->setObjectName(QStringLiteral("noRewards"));
    addTab(scrolledRows(m_rewardRows, m_noRewards), QString());
    m_noNotices->setObjectName(QStringLiteral("noNotices"));
    addTab(scrolledRows(m_noticeRows, m_noNotices), QString());

    // A long history in a narrow column: a record a few lines high, the next page fetched as the
    // list is scrolled to its end.
    m_historyView->setObjectName(QStringLiteral("history"));
    m_historyView->setModel(&m_history);
    m_historyView->setItemDelegate(new HistoryDelegate(m_historyView));
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->setResizeMode(QListView::Adjust);
    m_historyView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_historyView->setAlternatingRowColors(true);
    m_noHistory->setObjectName(QStringLiteral("noHistory"));
    addTab(withEmptyText(m_historyView, m_noHistory), QString());

    m_history.setTeams(&teams);
    const std::initializer_list<QAbstractItemModel *> models {
        &m_shifts, &m_rewards, &m_notices, &m_history};
    for (QAbstractItemModel *m : models) {
        connect(m, &QAbstractItemModel::modelReset, this, &PersonActivity::updateTitles);
        connect(m, &QAbstractItemModel::rowsInserted, this, &PersonActivity::updateTitles);
        connect(m, &QAbstractItemModel::rowsRemoved, this, &PersonActivity::updateTitles);
    }
    connect(&m_rewards, &QAbstractItemModel::modelReset, this, &PersonActivity::rebuildRewards);
    connect(&m_notices, &QAbstractItemModel::modelReset, this, &PersonActivity::rebuildNotices);
    connect(&m_notices, &QAbstractItemModel::rowsInserted, this, &PersonActivity::rebuildNotices);

    // Nobody is chosen yet: each loads when someone is.
    m_shifts.setLoadOnSignIn(false);
    m_shifts.setConnection(&connection);
    m_rewards.setLoadOnSignIn(false);
    m_rewards.setConnection(&connection);
    m_notices.setLoadOnSignIn(false);
    m_notices.setConnection(&connection);
    m_history.setConnection(&connection);
    updateTitles();
}

QWidget *PersonActivity::scrolledRows(QVBoxLayout *rows, QLabel *empty)
{
    auto *area = new QScrollArea(this);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    auto *inner = new QWidget(area);
    auto *layout = new QVBoxLayout(inner);
    empty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(empty);
    layout->addLayout(rows);
    layout->addStretch();
    area->setWidget(inner);
    return area;
}

QWidget *PersonActivity::withEmptyText(QWidget *view, QLabel *empty)
{
    // An empty list says so, rather than a blank pane that could be still loading.
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    empty->setForegroundRole(QPalette::PlaceholderText);
    empty->setContentsMargins(6, 6, 6, 6);
    empty->hide();
    layout->addWidget(empty);
    layout->addWidget(view, 1);
    return page;
}

void PersonActivity::showPerson(const QString &userId)
{
    if (userId == m_userId)
        return;
    m_userId = userId;
    m_shifts.clear();
    m_shifts.setUserId(userId);
    m_rewards.clear();
    m_rewards.setUserId(userId);
    m_notices.clear();
    m_notices.setUserId(userId);
    m_history.setUserId(userId);
    if (userId.isEmpty())
        return;
    m_shifts.reload();
    refresh();
}

void PersonActivity::refresh()
{
    if (m_userId.isEmpty())
        return;
    m_rewards.reload();
    m_notices.reload();
    m_history.catchUp();
}

void PersonActivity::updateTitles()
{
    // A count only where there is something: four titles must fit a narrow column.
    const auto titled = [](const QString &name, int count, const QString &more = QString()) {
        return count > 0 ? QStringLiteral("%1 %2%3").arg(name).arg(count).arg(more) : name;
    };
    // "None" only for a list that has loaded: not while it is on its way.
    m_noShifts->setVisible(m_shifts.isLoaded() && m_shifts.rowCount() == 0);
    m_noHistory->setVisible(m_history.isLoaded() && m_history.rowCount() == 0);
    setTabText(ShiftsTab, titled(tr("Shifts"), m_shifts.rowCount()));
    setTabText(RewardsTab, titled(tr("Rewards"), m_rewards.rowCount()));
    const int waiting = m_notices.waitingCount();
    setTabText(NoticesTab,
        waiting > 0 ? tr("Notices, %1 unread").arg(waiting)
                    : titled(tr("Notices"), m_notices.rowCount()));
    // The history comes a page at a time: "History 100+" until the last page is in.
    setTabText(HistoryTab,
        titled(tr("History"), m_history.rowCount(),
            m_history.canFetchMore({}) ? QStringLiteral("+") : QString()));
}

void PersonActivity::rebuildRewards()
{
    clearLayout(m_rewardRows);
    m_noRewards->setVisible(m_rewards.rowCount() == 0);
    for (int row = 0; row < m_rewards.rowCount(); ++row) {
        const QModelIndex i = m_rewards.index(row);
        const QString id = i.data(RewardListModel::IdRole).toString();
        const bool claimed = i.data(RewardListModel::ClaimedRole).toBool();
        const bool eligible = i.data(RewardListModel::EligibleRole).toBool();
        auto *line = new QWidget;
        line->setObjectName(QStringLiteral("reward"));
        auto *h = new QHBoxLayout(line);
        h->setContentsMargins(0, 0, 0, 0);
        auto *label
            = new QLabel(tr("%1 (over %2)")
                             .arg(i.data(RewardListModel::NameRole).toString(),
                                 hoursText(i.data(RewardListModel::ThresholdHoursRole).toDouble())),
                line);
        label->setWordWrap(true);
        auto *state = new QLabel(claimed ? tr("✓ handed over")
                : eligible               ? tr("earned")
                                         : tr("not yet"),
            line);
        state->setObjectName(QStringLiteral("rewardState"));
        h->addWidget(label, 1);
        h->addWidget(state);
        if (eligible && !claimed) {
            auto *give = new QPushButton(tr("Hand over"), line);
            give->setObjectName(QStringLiteral("handOver"));
            connect(give, &QPushButton::clicked, this, [this, id] { Q_EMIT handOverWanted(id); });
            h->addWidget(give);
        }
        m_rewardRows->addWidget(line);
    }
}

void PersonActivity::rebuildNotices()
{
    clearLayout(m_noticeRows);
    m_noNotices->setVisible(m_notices.rowCount() == 0);
    for (int row = 0; row < m_notices.rowCount(); ++row) {
        const Notification *n = m_notices.notificationAt(row);
        auto *notice = new QLabel;
        notice->setObjectName(QStringLiteral("notice"));
        notice->setWordWrap(true);
        notice->setTextFormat(Qt::RichText);
        notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // Whether they have seen it is what a manager asks ("did they read that their shift was
        // stopped?"): said on every notice that needs reading.
        const QString state = !n->requiresAck ? QString()
            : n->acknowledged                 ? tr("read")
                                              : tr("not read yet");
        QString when = dateTimeText(n->createdAt.toLocalTime());
        if (!state.isEmpty())
            when += QStringLiteral(" · ") + state;
        notice->setText(
            QStringLiteral("<b>%1</b><br>%2<br><span style=\"color:%4\">%3</span>")
                .arg(n->title.toHtmlEscaped(), n->body.toHtmlEscaped(), when.toHtmlEscaped(),
                    palette().color(QPalette::PlaceholderText).name()));
        m_noticeRows->addWidget(notice);
    }
}

} // namespace Muster
