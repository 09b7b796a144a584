"""`layani routing train|evaluate|versions|activate`: build, measure and switch router versions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from tqdm import tqdm

from layani.routing.classifier import Router, TaxonomyEntry
from layani.routing.evaluation import Baseline, check_folds, cross_validate, held_out, scores
from layani.routing.labels import check_label_map, codes_to_labels, default_taxonomy, read_label_map
from layani.routing.models import ModelVersion, TrainingSource
from layani.routing.selection import SelectingRouter
from layani.routing.selectors import COLD_START_CONFIG, current_taxonomy, model_versions
from layani.routing.training import (
    Examples,
    TrainingDataError,
    activate_model_version,
    csv_examples,
    history_examples,
    train_model_version,
)


class Command(BaseCommand):
    help = "Train, evaluate, list and activate versions of the routing model."
    # Evaluation is a data scientist's tool on a laptop: it needs no URLs, admin or database
    # checks, and must not fail because an unrelated part of the site does not import.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        train = sub.add_parser("train", help="Build a new model version and make it active.")
        self._csv_arguments(train, required=False)
        train.add_argument("--note", default="", help="A note kept with the version.")
        train.add_argument("--no-activate", action="store_true", help="Keep the current version.")

        evaluate = sub.add_parser(
            "evaluate", help="Cross-validate Layani's router against a TF-IDF + LinearSVC baseline."
        )
        self._csv_arguments(evaluate, required=True)
        evaluate.add_argument("--folds", type=int, default=5)
        evaluate.add_argument("--json", action="store_true", help="Print one JSON object.")
        evaluate.add_argument(
            "--train-csv",
            type=Path,
            help="Instead of k-fold: train on this CSV (same columns) and score on --csv.",
        )
        evaluate.add_argument(
            "--label-map",
            type=Path,
            help="CSV (label,code) or JSON object mapping the file's labels to Layani categories.",
        )
        evaluate.add_argument(
            "--with-cold-start",
            action="store_true",
            help="Also score the taxonomy-only router (adds a cold_start entry).",
        )

        sub.add_parser(
            "retrain", help="Build a new version only if it beats the active one on new decisions."
        )
        calibrate = sub.add_parser(
            "calibrate",
            help="Reliability table and auto-disposition threshold on held-out decisions.",
        )
        calibrate.add_argument("--version", type=int, help="Default: the active version.")
        calibrate.add_argument("--json", action="store_true", help="Print one JSON object.")
        sub.add_parser("versions", help="List the kept model versions.")
        activate = sub.add_parser("activate", help="Make an earlier version active again.")
        activate.add_argument("version", type=int)
        sub.add_parser("rollback", help="Activate the version made before the active one.")

    @staticmethod
    def _csv_arguments(parser: CommandParser, *, required: bool) -> None:
        parser.add_argument("--csv", type=Path, required=required, help="CSV with a header row.")
        parser.add_argument("--text-col", default="text")
        parser.add_argument("--label-col", default="category")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        try:
            if action == "train":
                self._train(options)
            elif action == "evaluate":
                self._evaluate(options)
            elif action == "retrain":
                from layani.routing.retraining import retrain_if_better

                self.stdout.write(retrain_if_better().summary)
            elif action == "calibrate":
                self._calibrate(options)
            elif action == "versions":
                self._versions()
            elif action == "rollback":
                self._rollback()
            else:
                self._activate(options["version"])
        except (TrainingDataError, ValueError, OSError) as error:
            raise CommandError(str(error)) from error

    def _load(self, path: Path, options: dict[str, Any]) -> Examples:
        return csv_examples(path, options["text_col"], options["label_col"])

    def _train(self, options: dict[str, Any]) -> None:
        if options["csv"]:
            examples, source = self._load(options["csv"], options), TrainingSource.CSV
        else:
            examples, source = history_examples(), TrainingSource.HISTORY
        with tqdm(total=4, desc="train", disable=options["verbosity"] == 0) as bar:

            def step(message: str) -> None:
                bar.set_postfix_str(message)
                bar.update(1)

            version = train_model_version(
                examples,
                source=source,
                note=options["note"],
                activate=not options["no_activate"],
                progress=step,
            )
        self.stdout.write(
            f"model v{version.pk}: {version.example_count} examples, "
            f"{version.category_count} categories, metrics {json.dumps(version.metrics)}"
            + (" (active)" if version.is_active else "")
        )

    def _evaluate(self, options: dict[str, Any]) -> None:
        test = self._load(options["csv"], options)
        train = self._load(options["train_csv"], options) if options["train_csv"] else None
        if train is None:
            check_folds(test.labels, options["folds"])
        taxonomy, origin = self._evaluation_taxonomy()
        mapping = read_label_map(options["label_map"]) if options["label_map"] else None
        if mapping is not None:
            check_label_map(mapping, taxonomy)
        labels = set(test.labels) | set(train.labels if train else ())
        counts_as = codes_to_labels(taxonomy, labels, mapping)
        known = {entry.code for entry in taxonomy}
        # Layani-coded labels train as a deployment would (every category's documents); foreign
        # labels get the documents of the categories mapped to them, and none if nothing maps.
        documents = None if mapping is None and labels <= known else counts_as
        notes = [f"taxonomy: {origin}, {len(taxonomy)} categories"]
        if documents is not None and not documents:
            notes.append("no label is a Layani category: no taxonomy documents (see --label-map)")

        built: list[SelectingRouter] = []

        def layani() -> SelectingRouter:
            # The whole training procedure, selection included, inside each fold.
            built.append(SelectingRouter(taxonomy, document_labels=documents))
            return built[-1]

        factories: dict[str, Any] = {"layani": layani, "baseline": Baseline}
        if train is not None:
            results = held_out(train.texts, train.labels, test.texts, test.labels, factories)
        else:
            with tqdm(
                total=options["folds"] * len(factories),
                desc="cross-validation",
                disable=options["json"] or options["verbosity"] == 0,
            ) as bar:
                results = cross_validate(
                    test.texts,
                    test.labels,
                    factories,
                    folds=options["folds"],
                    progress=lambda _message: bar.update(1),
                )
        # Which candidate each fold's selection chose (one entry with --train-csv); a note, so
        # that the JSON keeps its shape.
        chosen = [r.selection.chosen for r in built if r.selection]
        notes.append(f"layani selected: {', '.join(chosen)}")
        if options["with_cold_start"]:
            # Trained on nothing but the taxonomy, so it is scored on every example at once; a
            # predicted category counts as the label it (or its main category) maps to.
            cold = Router(taxonomy, COLD_START_CONFIG).fit([], [])
            predicted = [counts_as.get(code, code) for code in cold.predict(test.texts)]
            results["cold_start"] = scores(test.labels, predicted)
        if options["json"]:
            for note in notes:
                self.stderr.write(note)
            self.stdout.write(json.dumps(results))
            return
        for note in notes:
            self.stdout.write(note)
        self.stdout.write(f"{len(test)} examples, {len(set(test.labels))} categories")
        for name, figures in results.items():
            self.stdout.write(
                f"{name:>10}: accuracy {figures['accuracy']:.4f}  macro-F1 {figures['macro_f1']:.4f}"
            )
        self.stdout.write("per-class F1 (layani / baseline):")
        for label, f1 in results["layani"]["per_class"].items():
            self.stdout.write(
                f"  {label:<24} {f1:.3f} / {results['baseline']['per_class'][label]:.3f}"
            )

    @staticmethod
    def _evaluation_taxonomy() -> tuple[list[TaxonomyEntry], str]:
        """The deployment's taxonomy when a migrated database has one, else the packaged default.

        Evaluation must work on a data scientist's laptop with no database at all.
        """
        try:
            taxonomy = current_taxonomy()
        except DatabaseError:
            return default_taxonomy(), "packaged default (no usable database)"
        if not taxonomy:
            return default_taxonomy(), "packaged default (the database has no categories)"
        return taxonomy, "this deployment's categories"

    def _versions(self) -> None:
        for version in model_versions():
            flag = "*" if version.is_active else " "
            self.stdout.write(
                f"{flag} v{version.pk}  {version.created_at:%Y-%m-%d %H:%M}  {version.source:<8} "
                f"{version.example_count:>7} examples  {json.dumps(version.metrics)}  {version.note}"
            )

    def _calibrate(self, options: dict[str, Any]) -> None:
        from layani.routing.calibrating import COLD_START_REASON, calibrate_version
        from layani.routing.calibration import table_lines

        versions = ModelVersion.objects.defer("artefact")
        if options["version"] is not None:
            version = versions.filter(pk=options["version"]).first()
            if version is None:
                raise CommandError(f"No model version {options['version']}.")
        else:
            version = versions.filter(is_active=True).first()
            if version is None:
                raise CommandError(
                    f"No active model version: auto-disposition {COLD_START_REASON}. "
                    "Train one first (layani routing train)."
                )
        result = calibrate_version(version)
        if options["json"]:
            self.stdout.write(json.dumps({"version": version.pk, **result.as_dict()}))
            return
        self.stdout.write(f"model v{version.pk}" + (" (active)" if version.is_active else ""))
        for line in table_lines(result):
            self.stdout.write(line)

    def _rollback(self) -> None:
        active = ModelVersion.objects.defer("artefact").filter(is_active=True).first()
        if active is None:
            raise CommandError("No active model version to roll back from.")
        previous = (
            ModelVersion.objects.defer("artefact").filter(pk__lt=active.pk).order_by("-pk").first()
        )
        if previous is None:
            raise CommandError(f"v{active.pk} is the oldest version: nothing to roll back to.")
        activate_model_version(previous)
        self.stdout.write(f"model v{previous.pk} is active (was v{active.pk})")

    def _activate(self, pk: int) -> None:
        version = ModelVersion.objects.defer("artefact").filter(pk=pk).first()
        if version is None:
            raise CommandError(f"No model version {pk}.")
        activate_model_version(version)
        self.stdout.write(f"model v{pk} is active")
