"""`portal check` as CI runs it: a folder that is not a built site fails, and a site built in
one job and checked in another, after a fresh checkout, is not called stale."""
import shutil
import subprocess
import time

from conftest import BIN, NOW, ROOT


def portal(*args, cwd):
    return subprocess.run([str(BIN), *args], cwd=cwd, capture_output=True, text=True)


def test_a_folder_without_a_page_is_no_site(tmp_path):
    (tmp_path / "emptydir").mkdir()
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    for folder in ["emptydir", "theme"]:
        for form in ["text", "json", "junit", "github"]:
            r = portal("check", "--strict", "--site", folder, "--format", form, cwd=tmp_path)
            out = r.stdout + r.stderr
            assert r.returncode == 1, (folder, form, out)
            assert "check.site" in out and f"`{folder}`" in out, (folder, form, out)
            assert "no problems" not in out, (folder, form, out)


def test_build_and_check_in_separate_jobs(tmp_path):
    """The second job's checkout dates every source after the site it downloaded: no byte
    changed, so `--strict` passes; one changed byte is still reported."""
    build_job, check_job = tmp_path / "build", tmp_path / "check"
    build_job.mkdir()
    for folder in ["content", "theme"]:
        shutil.copytree(ROOT / folder, build_job / folder)
    assert portal("build", "--now", NOW, cwd=build_job).returncode == 0
    check_job.mkdir()
    shutil.copytree(build_job / "site", check_job / "site")
    time.sleep(2.5)
    for folder in ["content", "theme"]:
        shutil.copytree(build_job / folder, check_job / folder, copy_function=shutil.copy)
    r = portal("check", "--strict", "--format", "junit", cwd=check_job)
    assert r.returncode == 0 and "check.stale" not in r.stdout, r.stdout + r.stderr

    page = sorted((check_job / "content" / "initiatives").glob("*.md"))[0]
    page.write_bytes(page.read_bytes() + b"\n")
    r = portal("check", "--strict", cwd=check_job)
    assert r.returncode == 1 and "check.stale" in r.stdout, r.stdout + r.stderr
    assert f"content/initiatives/{page.name} changed after this site was built" in r.stdout
