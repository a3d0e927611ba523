import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import {
  addAddress,
  changeProfile,
  deleteAddress,
  eraseCustomer,
  exportData,
  getProfile,
  listAddresses,
  makeDefaultShipping,
  type Profile,
} from "../api/customers";
import type { Address } from "../api/types";
import { useAuth, type Customer } from "../auth/auth-context";
import { AddressFields } from "../components/AddressFields";
import { Failure, Loading, describe } from "../components/Status";
import { addressErrors, countryName, emptyAddress, type AddressErrors } from "../lib/checkout-form";
import { useLoad } from "../lib/use-load";
import { SignInPrompt } from "./SignInPrompt";

type Outcome = "idle" | "working" | "done" | Error | string;

function message(outcome: Outcome, done: string) {
  if (outcome === "done")
    return (
      <p role="status" className="field-ok">
        {done}
      </p>
    );
  if (outcome instanceof Error)
    return (
      <p role="alert" className="status-failed">
        {describe(outcome)}
      </p>
    );
  if (outcome !== "idle" && outcome !== "working")
    return (
      <p role="alert" className="status-failed">
        {outcome}
      </p>
    );
  return null;
}

function ProfileForm({ customer, profile }: { customer: Customer; profile: Profile }) {
  const [name, setName] = useState(profile.name);
  const [phone, setPhone] = useState(profile.phone ?? "");
  const [newsletter, setNewsletter] = useState(profile.preferences.newsletter);
  const [outcome, setOutcome] = useState<Outcome>("idle");
  async function save(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setOutcome("Enter your name.");
    if (phone.trim() && !/^\+[1-9][0-9]{6,14}$/.test(phone.replace(/\s/g, ""))) {
      return setOutcome("Enter the phone number with its country code, such as +49 30 1234567.");
    }
    setOutcome("working");
    try {
      await changeProfile(customer.id, {
        name: name.trim(),
        phone: phone.trim() ? phone.replace(/\s/g, "") : null,
        preferences: { newsletter },
      });
      setOutcome("done");
    } catch (error) {
      setOutcome(error as Error);
    }
  }
  return (
    <form onSubmit={save} aria-label="Profile" noValidate>
      <h2>Profile</h2>
      <p>Signed in as {customer.email}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="profile-name">Name</label>
          <input
            id="profile-name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
          />
        </div>
        <div className="field">
          <label htmlFor="profile-phone">Phone (optional)</label>
          <input
            id="profile-phone"
            type="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </div>
      </div>
      <label className="choice">
        <input type="checkbox" checked={newsletter} onChange={(e) => setNewsletter(e.target.checked)} />
        Send me the newsletter
      </label>
      <button type="submit" disabled={outcome === "working"}>
        Save profile
      </button>
      {message(outcome, "Profile saved.")}
    </form>
  );
}

function Addresses({ customer }: { customer: Customer }) {
  const addresses = useLoad((signal) => listAddresses(customer.id, signal), [customer.id], { keepPrevious: true });
  const [draft, setDraft] = useState<Address>(emptyAddress);
  const [errors, setErrors] = useState<AddressErrors>({});
  const [outcome, setOutcome] = useState<Outcome>("idle");

  async function act(action: () => Promise<unknown>) {
    setOutcome("working");
    try {
      await action();
      setOutcome("idle");
      addresses.retry();
    } catch (error) {
      setOutcome(error as Error);
    }
  }
  function add(event: FormEvent) {
    event.preventDefault();
    const region = draft.region?.trim().toUpperCase() || undefined;
    const problems = addressErrors({ ...draft, region });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    void act(async () => {
      await addAddress(
        customer.id,
        {
          ...draft,
          line2: draft.line2 || undefined,
          region,
          is_default_shipping: addresses.status === "ready" && addresses.data.items.length === 0,
        },
        crypto.randomUUID(),
      );
      setDraft(emptyAddress);
    });
  }
  return (
    <section aria-labelledby="addresses-heading">
      <h2 id="addresses-heading">Addresses</h2>
      {addresses.status === "loading" && <Loading what="your addresses" />}
      {addresses.status === "failed" && <Failure error={addresses.error} retry={addresses.retry} />}
      {addresses.status === "ready" && (
        <ul className="address-list" aria-label="Saved addresses">
          {addresses.data.items.map((address) => (
            <li key={address.id}>
              <address>
                {address.recipient}, {address.line1}
                {address.line2 ? `, ${address.line2}` : ""}, {address.postal_code} {address.city}
                {address.region ? ` ${address.region}` : ""}, {countryName(address.country)}
              </address>
              {address.is_default_shipping ? (
                <span className="badge-ok">Default delivery address</span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void act(() => makeDefaultShipping(customer.id, address.id))}
                >
                  Deliver here by default
                </button>
              )}
              <button
                type="button"
                className="link-button"
                onClick={() => void act(() => deleteAddress(customer.id, address.id))}
              >
                Delete<span className="visually-hidden"> the address {address.line1}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} aria-label="New address" noValidate>
        <h3>Add an address</h3>
        <AddressFields address={draft} errors={errors} onChange={setDraft} idPrefix="new-" />
        <button type="submit" disabled={outcome === "working"}>
          Save address
        </button>
      </form>
      {message(outcome, "")}
    </section>
  );
}

function YourData({ customer }: { customer: Customer }) {
  const { signOut } = useAuth();
  const [outcome, setOutcome] = useState<Outcome>("idle");
  const [confirming, setConfirming] = useState(false);
  async function download() {
    setOutcome("working");
    try {
      const data = await exportData(customer.id);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      link.download = "my-shop-data.json";
      link.click();
      URL.revokeObjectURL(link.href);
      setOutcome("idle");
    } catch (error) {
      setOutcome(error as Error);
    }
  }
  async function erase() {
    setOutcome("working");
    try {
      await eraseCustomer(customer.id);
      await signOut();
    } catch (error) {
      setOutcome(error as Error);
    }
  }
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p>Everything the shop holds about you, as one file, or erased for good.</p>
      <div className="button-row start">
        <button type="button" className="secondary" onClick={() => void download()} disabled={outcome === "working"}>
          Download my data
        </button>
        {!confirming ? (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete my account
          </button>
        ) : (
          <div role="alertdialog" aria-labelledby="erase-question" className="confirm">
            <p id="erase-question">
              Delete your account with your profile, addresses, wishlist and history? You will be signed out. Orders you
              placed stay with the shop.
            </p>
            <button type="button" className="danger" onClick={() => void erase()} disabled={outcome === "working"}>
              Yes, delete it
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Keep my account
            </button>
          </div>
        )}
      </div>
      {message(outcome, "")}
    </section>
  );
}

export function AccountPage() {
  const { customer, ready } = useAuth();
  const profile = useLoad(
    (signal) => (customer ? getProfile(customer.id, signal) : Promise.resolve(undefined)),
    [customer?.id],
  );
  if (!ready) return <Loading what="your account" />;
  if (!customer) return <SignInPrompt what="see your account" />;
  return (
    <div className="account-page">
      <h1>Your account</h1>
      <p>
        <Link to="/account/orders">Your orders</Link>
      </p>
      {profile.status === "loading" && <Loading what="your profile" />}
      {profile.status === "failed" && <Failure error={profile.error} retry={profile.retry} />}
      {profile.status === "ready" && profile.data && <ProfileForm customer={customer} profile={profile.data} />}
      <Addresses customer={customer} />
      <YourData customer={customer} />
    </div>
  );
}
